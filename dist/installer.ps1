# Installs clausewright on Windows from a release, without Rust:
#
#   powershell -ExecutionPolicy Bypass -c "irm RELEASE/clausewright-installer.ps1 | iex"
#
# It downloads the Windows archive, checks it against the SHA-256 checksum published beside it,
# puts clausewright.exe in $env:CLAUSEWRIGHT_INSTALL_DIR (default
# %LOCALAPPDATA%\Programs\clausewright) and adds that folder to the user's PATH. Nothing is
# replaced until the archive has been downloaded and checked.
#
# The release workflow (.github/workflows/release.yml) writes the release's download address
# into $Release below. $env:CLAUSEWRIGHT_RELEASE_URL overrides it: another release's address,
# or a local folder holding the archives.
$ErrorActionPreference = 'Stop'

$Release = ''

$Base = if ($env:CLAUSEWRIGHT_RELEASE_URL) { $env:CLAUSEWRIGHT_RELEASE_URL } else { $Release }
if (-not $Base) {
    throw 'clausewright installer: no release to install from; set CLAUSEWRIGHT_RELEASE_URL to a release''s download address'
}
if (-not [Environment]::Is64BitOperatingSystem -or $env:PROCESSOR_ARCHITECTURE -eq 'ARM64') {
    throw 'clausewright installer: the prebuilt clausewright is for 64-bit x86 Windows; with Rust installed, build it from the source: cargo install --locked --path .'
}
$Target = 'x86_64-pc-windows-msvc'
$Archive = "clausewright-$Target.zip"

$Work = Join-Path ([IO.Path]::GetTempPath()) ("clausewright-" + [Guid]::NewGuid())
New-Item -ItemType Directory -Path $Work | Out-Null
try {
    function Fetch($Name) {
        $To = Join-Path $Work $Name
        if ($Base -match '^(https?|file)://') {
            [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12
            Invoke-WebRequest -UseBasicParsing -Uri "$Base/$Name" -OutFile $To
        } else {
            Copy-Item (Join-Path $Base $Name) $To
        }
        $To
    }
    Write-Host "downloading $Archive"
    $Zip = Fetch $Archive
    $Expected = ((Get-Content (Fetch "$Archive.sha256") -Raw).Trim() -split '\s+')[0].ToLower()
    $Actual = (Get-FileHash -Algorithm SHA256 $Zip).Hash.ToLower()
    if ($Expected -ne $Actual) {
        throw "clausewright installer: $Archive does not match its checksum (expected $Expected, got $Actual); nothing was installed"
    }
    Expand-Archive -Path $Zip -DestinationPath $Work
    $Unpacked = Join-Path $Work "clausewright-$Target"
    & (Join-Path $Unpacked 'clausewright.exe') --version | Out-Null

    $Bin = if ($env:CLAUSEWRIGHT_INSTALL_DIR) { $env:CLAUSEWRIGHT_INSTALL_DIR } else {
        Join-Path $env:LOCALAPPDATA 'Programs\clausewright'
    }
    New-Item -ItemType Directory -Force -Path $Bin | Out-Null
    $Exe = Join-Path $Bin 'clausewright.exe'
    # Copied beside the target and renamed over it: never a half-written clausewright.exe.
    Copy-Item (Join-Path $Unpacked 'clausewright.exe') "$Exe.partial"
    Move-Item -Force "$Exe.partial" $Exe
    Copy-Item -Force (Join-Path $Unpacked 'completions\_clausewright.ps1') (Join-Path $Bin '_clausewright.ps1')

    $UserPath = [Environment]::GetEnvironmentVariable('Path', 'User')
    if (-not (($UserPath -split ';') -contains $Bin)) {
        [Environment]::SetEnvironmentVariable('Path', "$Bin;$UserPath", 'User')
        Write-Host "added $Bin to your PATH (open a new terminal to use it)"
    }
    Write-Host "installed $(& $Exe --version) in $Bin"
    Write-Host "for Tab completion, add this line to your PowerShell profile: . '$Bin\_clausewright.ps1'"
} finally {
    Remove-Item -Recurse -Force $Work
}
