@echo off
rem bin\release.cmd VERSION: builds release VERSION (1.x.y) of the committed HEAD into dist\VERSION\ (docs\releasing.md).
rem   bin\release.cmd 1.0.0        (PowerShell: .\bin\release.cmd 1.0.0)
rem It runs bin/release with the bash of Git for Windows (needed anyway for git): the release is built
rem in a temporary clone, so the jars, SBOMs and SHA256SUMS are the same bytes as on Linux.
setlocal
set "ROOT=%~dp0.."
for %%I in ("%ROOT%") do set "ROOT=%%~fI"
if "%~1"=="--help" goto help
if "%~1"=="-h" goto help
set "BASH="
for /f "usebackq delims=" %%G in (`where git 2^>nul`) do if not defined BASH if exist "%%~dpG..\bin\bash.exe" set "BASH=%%~dpG..\bin\bash.exe"
if not defined BASH (
  echo release: Git for Windows' bash.exe not found next to git.exe - install Git for Windows 1>&2
  exit /b 3
)
"%BASH%" "%ROOT%\bin\release" %*
exit /b %ERRORLEVEL%

:help
findstr /b "rem" "%~f0"
exit /b 0
