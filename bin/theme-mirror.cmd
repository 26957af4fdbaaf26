@echo off
rem theme-mirror launcher (Windows). Builds the runnable jar on first use, then runs it with this
rem repository's allowlist and themes folder as defaults (--allowlist / --themes still override them).
rem Usage and exit codes: bin\theme-mirror.cmd --help, docs\theme-mirror.md.
setlocal

rem Find the repository from this script's own location.
set "REPO_ROOT=%~dp0.."
for %%I in ("%REPO_ROOT%") do set "REPO_ROOT=%%~fI"
set "JAR=%REPO_ROOT%\theme-mirror\target\theme-mirror.jar"

rem --help answers at once, without a build (the usage kept in bin\usage\, equal to the command's own).
if "%~1"=="--help" goto help
if "%~1"=="-h" goto help

if exist "%JAR%" goto run
echo theme-mirror: building "%JAR%" (first run)... 1>&2
pushd "%REPO_ROOT%"
call "%REPO_ROOT%\mvnw.cmd" -q -pl theme-mirror -am package -DskipTests 1>&2
set "BUILD_RC=%ERRORLEVEL%"
popd
rem Exit 9 (I/O error), never 1: a build failure must not look like "drift".
if not "%BUILD_RC%"=="0" (
  echo theme-mirror: build failed; run "mvnw.cmd -pl theme-mirror -am package" in "%REPO_ROOT%" to see why 1>&2
  exit /b 9
)

:run
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
"%JAVA_EXE%" "-Dtheme.mirror.allowlist=%REPO_ROOT%\themes\mirror-allowlist" "-Dtheme.mirror.themes=%REPO_ROOT%\themes" -jar "%JAR%" %*
exit /b %ERRORLEVEL%

:help
type "%REPO_ROOT%\bin\usage\theme-mirror.txt"
exit /b 0
