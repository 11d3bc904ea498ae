#!/usr/bin/env bash
# Measures `ambasada import employees` on SQLite: generates N employees (default 10,000)
# with Polish names in a fresh database, imports them, then imports the same file again
# (every row unchanged) and prints both timings. Usage: scripts/bench-import.sh [N] [--release]
set -euo pipefail
n=${1:-10000}
profile=${2:-}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/var/tmp/ambasada-target}
cargo build -q -p ambasada $profile
bin="$CARGO_TARGET_DIR/$([ "$profile" = "--release" ] && echo release || echo debug)/ambasada"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
teams=(Sprzedaż IT HR Marketing Finanse "Obsługa klienta" Logistyka Produkcja)
first=(Anna Piotr Katarzyna Paweł Małgorzata Michał Ewa Łukasz Żaneta Grzegorz)
last=(Nowak Wiśniewska Wójcik Kowalczyk Kamińska Lewandowski Zieliński Szymańska Woźniak Dąbrowski)
{
  echo "email;imię;nazwisko;zespół;role;język"
  for ((i = 0; i < n; i++)); do
    echo "osoba$i@firma.example;${first[i % 10]};${last[(i / 10) % 10]};${teams[i % 8]};$([ $((i % 4)) -eq 0 ] && echo ambasador);pl"
  done
} > "$dir/employees.csv"
export AMBASADA_DATABASE_URL="sqlite://$dir/bench.db"
"$bin" migrate >/dev/null
echo "first import of $n rows:"
"$bin" import employees "$dir/employees.csv"
echo "re-import of the same $n rows:"
"$bin" import employees "$dir/employees.csv"
