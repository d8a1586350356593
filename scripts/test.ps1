# Windows: the test command. Usage: powershell -ExecutionPolicy Bypass -File scripts\test.ps1
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
if (-not (Test-Path .venv\Scripts\python.exe)) { py -3.11 -m venv .venv }
.venv\Scripts\python -m pip install -q --disable-pip-version-check -e ".[test]"
$env:QT_QPA_PLATFORM = "offscreen"
.venv\Scripts\python -m pytest @args
exit $LASTEXITCODE
