#!/bin/sh
# The bilan of the past year, in Markdown, HTML and Excel, into one folder.
# Run each January from the plan's repository:
#
#   sh examples/annual-report.sh              # last year, into bilan-YEAR/
#   sh examples/annual-report.sh 2025 docs/   # a given year, into a given folder
#
# The plan is found as ctg finds it (CTG_PLAN, or from the current folder);
# CTG names the ctg command (default: ctg).
set -eu

ctg=${CTG:-ctg}
year=${1:-$(( $(date +%Y) - 1 ))}
out=${2:-bilan-$year}

# A bilan is only made from a valid plan.
"$ctg" check
mkdir -p "$out"
for format in md html xlsx; do
    "$ctg" report --year "$year" -o "$out/bilan-$year.$format"
done
