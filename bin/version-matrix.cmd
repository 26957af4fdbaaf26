@echo off
rem Keycloak version matrix (Windows): runs the contract suite once per Keycloak distribution.
rem   bin\version-matrix.cmd                  newest served patch per line + the floor: 26.4.7 26.5.6 26.7.4 26.7.5
rem   bin\version-matrix.cmd 26.5.0 26.7.0    any versions served on Maven Central
rem   set "MATRIX_ARGS=-Dit.test=UserTokenIT", then bin\version-matrix.cmd 26.7.4: a reduced IT set
rem Logs go to target\version-matrix\VERSION.log; the exit code is 1 when any version failed.
setlocal enabledelayedexpansion
cd /d "%~dp0.."
if "%~1"=="--help" goto help
if "%~1"=="-h" goto help
set "VERSIONS=%*"
if "%VERSIONS%"=="" set "VERSIONS=26.4.7 26.5.6 26.7.4 26.7.5"
if not exist target\version-matrix mkdir target\version-matrix
set FAILED=0
for %%V in (%VERSIONS%) do (
  echo [version-matrix] Keycloak %%V: mvnw verify -pl keycloak-extension -am -Dkeycloak.server.version=%%V
  call mvnw.cmd -B -ntp verify -pl keycloak-extension -am -Dkeycloak.server.version=%%V %MATRIX_ARGS% > target\version-matrix\%%V.log 2>&1
  if errorlevel 1 (
    echo [version-matrix] Keycloak %%V: FAILED, see target\version-matrix\%%V.log
    set FAILED=1
  ) else (
    echo [version-matrix] Keycloak %%V: passed
  )
)
exit /b %FAILED%

:help
findstr /b "rem" "%~f0"
exit /b 0
