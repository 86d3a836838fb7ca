# Usage: dotnet tool restore; dotnet pwsh build.ps1 [Build|Test|Run|Bench] [-Duration 60 -Warmup 30 -Concurrency 16 -Port 5080] [--extra args]
[CmdletBinding(PositionalBinding = $false)]
param(
    [Parameter(Position = 0)][ValidateSet('Build', 'Test', 'Run', 'Bench')] [string]$Target = 'Build',
    [int]$Duration = 60,
    [int]$Warmup = 30,
    [int]$Concurrency = 16,
    [int]$Port = 5080,
    # Anything else goes on to dotnet build/test/run or the bench tool; use long options: build.ps1 Test --filter Name~Wsdl
    [Parameter(ValueFromRemainingArguments = $true)] [string[]]$Rest = @()
)
$ErrorActionPreference = 'Stop'
$PSNativeCommandUseErrorActionPreference = $true   # a native command's non-zero exit code throws
Set-Location $PSScriptRoot

function Get-Status([string]$Url) { try { (Invoke-WebRequest $Url -TimeoutSec 2 -SkipHttpErrorCheck).StatusCode } catch { 0 } }

function Invoke-Bench {
    $url = "http://127.0.0.1:$Port"
    if ((Get-Status "$url/health") -ne 0) { throw "something already answers on $url; pick another -Port" }
    dotnet build src/ErpBridge.Host -c Release --nologo -v q
    dotnet build bench/ErpBridge.Bench -c Release --nologo -v q
    $tmp = Join-Path ([IO.Path]::GetTempPath()) "erpbridge-bench-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory "$tmp/logs" | Out-Null
    $stamp = Get-Date -Format 'yyyyMMdd-HHmmss'
    $results = Join-Path $PSScriptRoot "bench/results/compare-$stamp"
    $environment = @{ ErpBridge__Storage__ConnectionString = "Data Source=$tmp/bench.db"; ErpBridge__Logging__File = "$tmp/logs/bench-.clef"; urls = $url }
    $server = Start-Process dotnet -ArgumentList 'src/ErpBridge.Host/bin/Release/net10.0/ErpBridge.Host.dll' -Environment $environment -PassThru `
        -RedirectStandardOutput "$tmp/host.out" -RedirectStandardError "$tmp/host.err"
    try {
        $deadline = (Get-Date).AddSeconds(30)
        while ((Get-Status "$url/health") -ne 200) {
            if ($server.HasExited -or (Get-Date) -gt $deadline) { Get-Content "$tmp/host.out", "$tmp/host.err" | Write-Host; throw "the host exited or did not answer 200 on $url/health within 30 s" }
            Start-Sleep -Milliseconds 250
        }
        dotnet bench/ErpBridge.Bench/bin/Release/net10.0/ErpBridge.Bench.dll compare --url "$url/ErpBridgeService.svc" `
            --duration $Duration --warmup $Warmup --concurrency $Concurrency --markdown "$results.md" --json "$results.json" @Rest
        Write-Host "Results: $results.md and $results.json"
    }
    finally {
        Stop-Process -Id $server.Id -ErrorAction Ignore; $server.WaitForExit(10000) | Out-Null
        Remove-Item -Recurse -Force $tmp -ErrorAction Ignore
    }
}

switch ($Target) {
    'Build' { dotnet build ErpBridge.sln -c Release @Rest }
    'Test' { dotnet test ErpBridge.sln @Rest }
    'Run' { dotnet run --project src/ErpBridge.Host @Rest }
    'Bench' { Invoke-Bench }
}
