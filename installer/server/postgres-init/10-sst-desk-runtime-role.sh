#!/bin/sh
# Run once by the postgres image when its data volume is new (/docker-entrypoint-initdb.d): the server's
# runtime role, with its password from the secret db_runtime_password. The database and its owner
# (POSTGRES_USER) are made by the image itself; the runtime role's privileges are granted by
# `sst-desk serve --init`, which runs as the owner after the migrations.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v password="$(cat /run/secrets/db_runtime_password)" <<'SQL'
CREATE ROLE sst_desk_runtime LOGIN PASSWORD :'password';
REVOKE ALL ON DATABASE sst FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE sst TO sst_desk_runtime;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO sst_desk_runtime;
SQL
