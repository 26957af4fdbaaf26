@echo off
rem bin\mozaiks-doctor.cmd: which consumer rule a token or an env fails, and the fix (docs\doctor.md), on Windows.
rem   bin\mozaiks-doctor.cmd token --issuer https://id.example.com/realms/mozaiks %TOKEN%
rem   bin\mozaiks-doctor.cmd env --consumer core core.env
rem   set MOZAIKS_ADMIN_USER=... and MOZAIKS_ADMIN_PASSWORD=..., then bin\mozaiks-doctor.cmd realm plan --url URL --realm mozaiks --client mozaiks-shell
rem No cheap staleness check in cmd: Maven's incremental build runs every time (quiet, seconds when up to date).
setlocal
set "ROOT=%~dp0.."
for %%I in ("%ROOT%") do set "ROOT=%%~fI"
set "JAR=%ROOT%\doctor\target\mozaiks-doctor.jar"
rem --help answers at once, without a build (the usage kept in bin\usage\, equal to the command's own).
if "%~1"=="--help" goto help
if "%~1"=="-h" goto help
where java >nul 2>nul
if errorlevel 1 (
  echo mozaiks-doctor: java not found - install a JDK 17 or newer and put it on PATH 1>&2
  exit /b 3
)
pushd "%ROOT%"
call mvnw.cmd -q -B -pl doctor -am package -DskipTests 1>&2
if errorlevel 1 (
  popd
  echo mozaiks-doctor: the build failed - see the Maven output above 1>&2
  exit /b 1
)
popd
java -jar "%JAR%" %*
exit /b %ERRORLEVEL%

:help
type "%ROOT%\bin\usage\mozaiks-doctor.txt"
exit /b 0
