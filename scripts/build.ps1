# Windows: builds the one-folder bundle dist\ljsms-desktop\ (ljsms-desktop.exe + ljsms.exe) from build.spec.
# Usage: powershell -ExecutionPolicy Bypass -File scripts\build.ps1   (extra arguments go to pyinstaller)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
if (-not (Test-Path .venv\Scripts\python.exe)) { py -3.11 -m venv .venv }
.venv\Scripts\python -m pip install -q --disable-pip-version-check -e ".[bundle]"
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
$watch = [System.Diagnostics.Stopwatch]::StartNew()
.venv\Scripts\pyinstaller --noconfirm --clean @args build.spec
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
$size = (Get-ChildItem -Recurse dist\ljsms-desktop | Measure-Object -Property Length -Sum).Sum / 1MB
Write-Host ("built dist\ljsms-desktop in {0:N0} s, {1:N0} MB" -f $watch.Elapsed.TotalSeconds, $size)
Write-Host "try: dist\ljsms-desktop\ljsms.exe --help   and   dist\ljsms-desktop\ljsms-desktop.exe --self-test"
