@echo off
rem bin\build-image.cmd: builds the production image (docker\Dockerfile) on Windows with Docker Desktop:
rem Keycloak <keycloak.version> with the mozaiks provider jar, optimized at build time.
rem   bin\build-image.cmd              builds the jar with mvnw.cmd, then the image
rem   bin\build-image.cmd --skip-jar   uses keycloak-extension\target\mozaiks-keycloak-extension.jar as it is
rem Tag: mozaiks/identity-keycloak:<project version>-kc<keycloak.version> (printed at the end).
setlocal
set "ROOT=%~dp0.."
for %%I in ("%ROOT%") do set "ROOT=%%~fI"
set "SKIPJAR="
if "%~1"=="--skip-jar" set "SKIPJAR=1"
if "%~1"=="-h" (
  findstr /b "rem" "%~f0"
  exit /b 0
)
if "%~1"=="--help" (
  findstr /b "rem" "%~f0"
  exit /b 0
)
if not "%~1"=="" if not defined SKIPJAR (
  echo build-image: unknown option %~1 ^(see --help^) 1>&2
  exit /b 64
)

rem The versions come from the root pom.xml, read as XML (PowerShell ships with Windows).
for /f "usebackq delims=" %%V in (`powershell -NoProfile -Command "([xml](Get-Content -Raw '%ROOT%\pom.xml')).project.version"`) do set "PROJECT_VERSION=%%V"
for /f "usebackq delims=" %%V in (`powershell -NoProfile -Command "([xml](Get-Content -Raw '%ROOT%\pom.xml')).project.properties.'keycloak.version'"`) do set "KEYCLOAK_VERSION=%%V"
for /f "usebackq delims=" %%V in (`powershell -NoProfile -Command "([xml](Get-Content -Raw '%ROOT%\pom.xml')).project.properties.'mozaiks.source.url'"`) do set "SOURCE_URL=%%V"
set "REVISION=unknown"
for /f "usebackq delims=" %%V in (`git -C "%ROOT%" rev-parse HEAD 2^>nul`) do set "REVISION=%%V"
set "TAG=mozaiks/identity-keycloak:%PROJECT_VERSION%-kc%KEYCLOAK_VERSION%"
set "JAR=%ROOT%\keycloak-extension\target\mozaiks-keycloak-extension.jar"

pushd "%ROOT%"
if not defined SKIPJAR (
  call mvnw.cmd -B -ntp -q -pl keycloak-extension -am package -DskipTests
  if errorlevel 1 (
    popd
    echo build-image: the jar build failed - see the Maven output above 1>&2
    exit /b 1
  )
)
if not exist "%JAR%" (
  popd
  echo build-image: %JAR% is missing; run without --skip-jar 1>&2
  exit /b 3
)
docker build -f docker\Dockerfile --build-arg "KEYCLOAK_VERSION=%KEYCLOAK_VERSION%" --build-arg "MOZAIKS_VERSION=%PROJECT_VERSION%" --build-arg "MOZAIKS_REVISION=%REVISION%" --build-arg "MOZAIKS_SOURCE=%SOURCE_URL%" -t "%TAG%" .
set "RC=%ERRORLEVEL%"
popd
if not "%RC%"=="0" exit /b %RC%
echo build-image: built %TAG%
exit /b 0
