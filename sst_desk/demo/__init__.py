"""The demo: fictional students and cases in every stage, the demo accounts and attendance (all made up)."""
