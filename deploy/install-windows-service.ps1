# Installs (or with -Uninstall removes) ErpBridge as a Windows service (docs/deployment.md). Run as Administrator in
# Windows PowerShell 5.1 or PowerShell 7, after copying artifacts/publish/win-x64-self-contained to -InstallFolder:
#   .\install-windows-service.ps1 -InstallFolder 'C:\Program Files\ErpBridge'
# The service runs as its virtual account NT SERVICE\ErpBridge, reads its settings from -ConfigFile (outside the
# install folder, so that an upgrade can replace the folder whole) and writes its data and logs under -DataFolder.
[CmdletBinding()]
param(
    [string]$InstallFolder = 'C:\Program Files\ErpBridge',
    [string]$DataFolder = 'C:\ProgramData\ErpBridge',
    [string]$ConfigFile = 'C:\ProgramData\ErpBridge\erpbridge.json',
    [string]$ServiceName = 'ErpBridge',
    [switch]$Uninstall
)
$ErrorActionPreference = 'Stop'

if ($Uninstall) {
    if (Get-Service $ServiceName -ErrorAction SilentlyContinue) {
        Stop-Service $ServiceName -ErrorAction SilentlyContinue
        sc.exe delete $ServiceName | Out-Null
        Write-Host "Removed the service $ServiceName; $DataFolder (database, logs, configuration) is left as it is."
    }
    return
}

$executable = Join-Path $InstallFolder 'ErpBridge.Host.exe'
if (-not (Test-Path $executable)) { throw "no ${executable}: copy a win-x64 publish folder there first (build.ps1 Publish)" }
if (-not (Test-Path $ConfigFile)) { throw "no ${ConfigFile}: write the bridge's settings there first (deploy/erpbridge.json is an example)" }

# The service's own account; it may read the configuration (which may hold secrets) and write data and logs, and
# nothing else of the data folder is readable by ordinary users.
$account = "NT SERVICE\$ServiceName"
foreach ($folder in "$DataFolder\data", "$DataFolder\logs") { New-Item -ItemType Directory -Force $folder | Out-Null }

New-Service -Name $ServiceName -DisplayName 'ErpBridge' -StartupType Automatic `
    -Description 'ERP SOAP service to commerce platforms (Shopify, BigCommerce, WooCommerce, Magento).' `
    -BinaryPathName "`"$executable`" --config `"$ConfigFile`"" | Out-Null
sc.exe config $ServiceName obj= $account | Out-Null
# Restarted after a crash: 5 s, 5 s, then every minute; the count resets after a day without failure.
sc.exe failure $ServiceName reset= 86400 actions= restart/5000/restart/5000/restart/60000 | Out-Null

icacls $DataFolder /inheritance:r /grant:r 'BUILTIN\Administrators:(OI)(CI)F' 'NT AUTHORITY\SYSTEM:(OI)(CI)F' "${account}:(OI)(CI)RX" | Out-Null
foreach ($folder in "$DataFolder\data", "$DataFolder\logs") { icacls $folder /grant:r "${account}:(OI)(CI)M" | Out-Null }

Start-Service $ServiceName
Write-Host "Installed and started $ServiceName as $account; check: Get-Service $ServiceName, and the log files in $DataFolder\logs."
