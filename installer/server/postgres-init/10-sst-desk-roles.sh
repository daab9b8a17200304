#!/bin/sh
# Run once by the postgres image when its data volume is new (/docker-entrypoint-initdb.d), as the image's
# superuser: the two roles of docs/server-operations.md and their database — the owner sst_owner (not a
# superuser), which owns the database and runs the migrations, and the runtime role sst_desk_runtime, the
# server's, with the passwords from the secrets db_owner_password and db_runtime_password. The runtime role's
# privileges on the tables are granted after the migrations (`sst-desk serve --init`, or by hand: the page).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v db="${SST_DESK_DB:-sst}" -v owner="${SST_DESK_OWNER:-sst_owner}" -v runtime="${SST_DESK_RUNTIME:-sst_desk_runtime}" \
    -v owner_password="$(cat "${SST_DESK_SECRETS:-/run/secrets}/db_owner_password")" \
    -v runtime_password="$(cat "${SST_DESK_SECRETS:-/run/secrets}/db_runtime_password")" <<'SQL'
CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password';
CREATE ROLE :"runtime" LOGIN PASSWORD :'runtime_password';
CREATE DATABASE :"db" OWNER :"owner" ENCODING 'UTF8' TEMPLATE template0;
\connect :"db"
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"runtime";
ALTER SCHEMA public OWNER TO :"owner";
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"runtime";
SQL
