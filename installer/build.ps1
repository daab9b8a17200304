# Build SST Desk's Windows installer: the same steps as installer/build.sh, then Inno Setup.
#   powershell -ExecutionPolicy Bypass -File installer\build.ps1
# Needs: Python 3.11+ on PATH as `py` or `python` (python.org, 64-bit) and Inno Setup 6 (ISCC.exe on PATH, or
# in its default folder). Makes .venv-win (the app and PyInstaller from pyproject.toml's extras), builds
# dist\sst-desk with installer\sst_desk.spec — the spec Linux uses; only the executables' names and Qt's
# "windows" platform plugin differ, chosen there and by PyInstaller — and compiles installer\sst-desk.iss into
# dist\SST-Desk-<version>-setup.exe. Prints the build time and the bundle's size (budget 200 MB).
# NOT RUN ON WINDOWS YET (issue 16): see docs/installing.md, "What was verified where".
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

if (-not (Test-Path ".venv-win\Scripts\python.exe")) {
    if (Get-Command py -ErrorAction SilentlyContinue) { & py -3 -m venv .venv-win } else { & python -m venv .venv-win }
    if ($LASTEXITCODE -ne 0) { throw "Could not make the venv (.venv-win): Python 3.11 or newer is needed." }
}
$py = Resolve-Path ".venv-win\Scripts\python.exe"
& $py -m pip install -q --disable-pip-version-check --upgrade pip
& $py -m pip install -q --disable-pip-version-check -e ".[installer]"
if ($LASTEXITCODE -ne 0) { throw "pip could not install SST Desk and PyInstaller into .venv-win." }

$version = (& $py -c "import sst_desk; print(sst_desk.__version__)").Trim()
$started = Get-Date
& $py -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build\pyinstaller installer\sst_desk.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed." }
$seconds = [int]((Get-Date) - $started).TotalSeconds
$bytes = (Get-ChildItem dist\sst-desk -Recurse -File | Measure-Object -Property Length -Sum).Sum
Write-Output ("Built dist\sst-desk in {0} s; size {1} bytes ({2} MB; budget 200 MB)." -f $seconds, $bytes, [int]($bytes / 1000000))
if ($bytes -gt 200000000) { throw "The bundle is over its size budget of 200 MB." }

# The one check that needs no window: the bundle starts and names its version.
$said = (& dist\sst-desk\sst-desk.exe --version).Trim()
if ($said -ne "sst-desk $version") { throw "dist\sst-desk\sst-desk.exe --version said '$said', not 'sst-desk $version'." }

$iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue)
if ($iscc) { $iscc = $iscc.Source } else { $iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe" }
if (-not (Test-Path $iscc)) { throw "Inno Setup 6 (ISCC.exe) was not found: install it from jrsoftware.org." }
$swedish = @("installer\Swedish.isl", (Join-Path (Split-Path -Parent $iscc) "Languages\Swedish.isl"))
if (-not ($swedish | Where-Object { Test-Path $_ })) {
    Write-Warning ("Swedish.isl was not found (installer\ or Inno Setup's Languages folder): the installer will " +
                   "be English only. Get it from https://jrsoftware.org/files/istrans/.")
}
& $iscc "/DAppVersion=$version" installer\sst-desk.iss
if ($LASTEXITCODE -ne 0) { throw "ISCC failed." }
Write-Output "Installer: dist\SST-Desk-$version-setup.exe"
