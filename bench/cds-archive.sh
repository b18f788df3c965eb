#!/usr/bin/env bash
# Makes target/quarkus-app/app.jsa, a class-data-sharing archive of the classes a production start loads, from
# a training run of the packaged app (bench/app.sh train_cds_archive: a throwaway H2 database, a sign-in and a
# few pages, then a normal stop). Starting with it cuts the CPU to ready by about a quarter, and with the C2
# thresholds of docs/operations.md by about half (docs/benchmarks.md); run from the jar's folder:
#   bench/cds-archive.sh
#   cd target/quarkus-app && java -XX:SharedArchiveFile=app.jsa -jar quarkus-run.jar
# The archive fits only the JVM binary that made it and these jar files: make it again after every build and
# JDK update (with the default -Xshare:auto a start ignores an archive that does not fit; -Xshare:on refuses
# to start). Builds the app when it is missing or stale.
# For a PostgreSQL package, train against an empty scratch database: QUARKUS_DATASOURCE_JDBC_URL (and _USERNAME,
# _PASSWORD) as for the app (the training migrates it and creates the first admin), with BUILD=never so that the
# package is not rebuilt as an H2 one. A new (or dropped and recreated) database each run: the training signs in
# as the admin it creates, which an earlier run's admin would prevent.
# Env: ARCHIVE (app.jsa), and those of bench/app.sh (JAR, BUILD, JAVA_OPTS, KEEP_LOG).
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_NAME=cds-archive
# shellcheck source=bench/app.sh
source bench/app.sh

build_if_needed
train_cds_archive "${ARCHIVE:-app.jsa}"
echo "start with it from $(dirname "$JAR"): java -XX:SharedArchiveFile=${ARCHIVE:-app.jsa} -jar $(basename "$JAR")"
