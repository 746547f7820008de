#!/usr/bin/env bash
# The GitHub Action's step (action.yml): builds the checker from the action's own checkout when dist/ is missing,
# writes the SARIF report, prints the report in the chosen format (github = annotations), and records outputs.
# The step itself always succeeds so that the SARIF upload runs; action.yml's last step fails the job.
# Inputs come as INPUT_* environment variables; runs locally too (test/unit/cli/githubAction.test.ts).
set -uo pipefail

ACTION_PATH="${ACTION_PATH:-$(cd "$(dirname "$0")/../.." && pwd)}"
CLI="$ACTION_PATH/dist/cli.js"
OUTPUT="${GITHUB_OUTPUT:-/dev/null}"

if [ ! -f "$CLI" ]; then
  echo "::group::Building iam-policy-check"
  (cd "$ACTION_PATH" && npm ci --no-audit --no-fund --ignore-scripts && node esbuild.mjs --production) || { echo "::error title=iam-policy-check::could not build the checker"; echo "exit-code=2" >> "$OUTPUT"; exit 0; }
  echo "::endgroup::"
fi

read -r -a paths <<< "${INPUT_PATHS:-.}"
read -r -a extra <<< "${INPUT_ARGS:-}"
fail_on="${INPUT_FAIL_ON:-error}"
sarif="${INPUT_SARIF_FILE:-}"

if [ -n "$sarif" ]; then
  node "$CLI" --format sarif --output-file "$sarif" --fail-on "$fail_on" "${extra[@]}" "${paths[@]}" 2> /dev/null
  echo "sarif-file=$sarif" >> "$OUTPUT"
else
  echo "sarif-file=" >> "$OUTPUT"
fi
node "$CLI" --format "${INPUT_FORMAT:-github}" --fail-on "$fail_on" "${extra[@]}" "${paths[@]}"
status=$?
echo "exit-code=$status" >> "$OUTPUT"
exit 0
