@echo off
rem bin\dev-stack.cmd: Keycloak with the mozaiks extension on http://localhost:8080, with only a JDK (Windows).
rem Builds with mvnw.cmd (the first run also fetches the Keycloak distribution, about 177 MB, cached in
rem %USERPROFILE%\.m2), then runs dev-stack\target\dev-stack.jar, which starts the distribution's kc.bat.
rem Options: bin\dev-stack.cmd --help. Ctrl-C stops Keycloak; the data is kept; --reset starts over.
setlocal
set "ROOT=%~dp0.."
for %%I in ("%ROOT%") do set "ROOT=%%~fI"
set "JAR=%ROOT%\dev-stack\target\dev-stack.jar"

rem --help answers at once, before any build or download (the usage kept in bin\usage\, equal to the command's own).
if "%~1"=="--help" goto help
if "%~1"=="-h" goto help

where java >nul 2>nul
if errorlevel 1 (
  echo dev-stack: java not found - install a JDK 17 or newer and put it on PATH 1>&2
  exit /b 3
)

rem No cheap staleness check in cmd: Maven's incremental build is used every time (quiet, a few seconds when up to date).
echo [build] building the provider jar and dev-stack.jar (the first run fetches Keycloak, about 177 MB)...
pushd "%ROOT%"
call mvnw.cmd -q -B -pl dev-stack -am package -DskipTests
if errorlevel 1 (
  popd
  echo dev-stack: the build failed - see the Maven output above 1>&2
  exit /b 1
)
popd

java -Dmozaiks.repo.root="%ROOT%" -jar "%JAR%" %*
exit /b %ERRORLEVEL%

:help
type "%ROOT%\bin\usage\dev-stack.txt"
exit /b 0
