#!/bin/sh
# Regenerates the pictures of the README's "Pictures" section from the built-in chronology
# (1920×1080 points at 1×, light theme, legend and source credits).
set -eu
cd "$(dirname "$0")/.."
cargo build --release
chronoscope=target/release/chronoscope

"$chronoscope" render --from 2014-02 --to 2015-03 \
    --title "Crimea and Minsk" --subtitle "Russia–Ukraine diplomacy, February 2014 – March 2015" \
    --out docs/picture-2014.png
"$chronoscope" render --from 2022-02-01 --to 2022-04-30 \
    --title "The road to Istanbul" --subtitle "February – April 2022" \
    --out docs/picture-2022.png
"$chronoscope" render --from 2023 --to 2025 \
    --title "2023–2025" --subtitle "Russia–Ukraine war diplomacy, January 2023 – December 2025" \
    --out docs/picture-2023-2025.png
