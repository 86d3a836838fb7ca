# Usage: dotnet tool restore; dotnet pwsh build.ps1 [Build|Test|Run|Bench] [-Scenario Intake|Delivery|RateLimit|Xslt|Reconcile]
#        [-Duration 60 -Warmup 30 -Concurrency 16 -Port 5080] [--extra args]
[CmdletBinding(PositionalBinding = $false)]
param(
    [Parameter(Position = 0)][ValidateSet('Build', 'Test', 'Run', 'Bench')] [string]$Target = 'Build',
    # Intake: SOAP accepts against the ceiling (delivery off). Delivery: accepted and delivered to both sandboxes,
    # rate limits off. RateLimit: a burst of 1,000 messages against rate-limited sandboxes. Xslt: stock-map transforms/s.
    # Reconcile: 100,000 SKUs delivered to the BigCommerce sandbox (rate-limited), 1% changed there, reconciled; time and memory.
    [ValidateSet('Intake', 'Delivery', 'RateLimit', 'Xslt', 'Reconcile')] [string]$Scenario = 'Intake',
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
    $bench = 'bench/ErpBridge.Bench/bin/Release/net10.0/ErpBridge.Bench.dll'
    if ($Scenario -eq 'Xslt') {
        dotnet build bench/ErpBridge.Bench -c Release --nologo -v q
        dotnet $bench xslt --folder xslt --duration ([Math]::Min($Duration, 120)) @Rest
        return
    }

    $url = "http://127.0.0.1:$Port"
    if ((Get-Status "$url/health") -ne 0) { throw "something already answers on $url; pick another -Port" }
    dotnet build src/ErpBridge.Host -c Release --nologo -v q
    dotnet build bench/ErpBridge.Bench -c Release --nologo -v q
    $tmp = Join-Path ([IO.Path]::GetTempPath()) "erpbridge-bench-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory "$tmp/logs" | Out-Null
    $stamp = Get-Date -Format 'yyyyMMdd-HHmmss'
    $results = Join-Path $PSScriptRoot "bench/results/$($Scenario.ToLowerInvariant())-$stamp"
    $environment = @{ ErpBridge__Storage__ConnectionString = "Data Source=$tmp/bench.db"; ErpBridge__Logging__File = "$tmp/logs/bench-.clef"; urls = $url; ErpBridge__Logging__MinimumLevel = 'Warning' }
    switch ($Scenario) {
        'Intake' {
            # Routed to two channels (two deliveries per accept), as the Delivery scenario; the
            # default route names all four demo stores.
            $environment.ErpBridge__Delivery__Enabled = 'false'
            $environment.ErpBridge__Sandboxes__Enabled = 'false'
            $environment.ErpBridge__Routes__Inventory__2 = ' '
            $environment.ErpBridge__Routes__Inventory__3 = ' '
        }
        'Delivery' {
            # Stock routed to two channels (Shopify and BigCommerce), as the delivery target is stated; a blank
            # route entry names no channel.
            $environment.ErpBridge__Sandboxes__RateLimits = 'false'
            $environment.ErpBridge__Routes__Inventory__2 = ' '
            $environment.ErpBridge__Routes__Inventory__3 = ' '
        }
        'RateLimit' {
            # Shopify and BigCommerce (the platforms with rate limits); one message per call, and limits a
            # 1,000-message burst meets within a minute.
            $environment.ErpBridge__Routes__Inventory__2 = ' '
            $environment.ErpBridge__Routes__Inventory__3 = ' '
            $environment.ErpBridge__Delivery__MaxItemsPerCall = '1'
            $environment.ErpBridge__Sandboxes__Shopify__BucketSize = '200'
            $environment.ErpBridge__Sandboxes__Shopify__RestoreRate = '500'
            $environment.ErpBridge__Sandboxes__BigCommerce__Quota = '40'
            $environment.ErpBridge__Sandboxes__BigCommerce__Window = '00:00:01'
        }
        'Reconcile' {
            # A catalogue of 100,000 SKUs in every sandbox; stock routed to BigCommerce only, 2,000 items a call (its
            # limit), its standard rate limit on; no scheduled runs or order polling in the way.
            $environment.ErpBridge__Sandboxes__SkuCount = '100000'
            $environment.ErpBridge__Routes__Inventory__0 = 'bigcommerce-demo'
            $environment.ErpBridge__Routes__Inventory__1 = ' '
            $environment.ErpBridge__Routes__Inventory__2 = ' '
            $environment.ErpBridge__Routes__Inventory__3 = ' '
            $environment.ErpBridge__Delivery__MaxItemsPerCall = '2000'
            $environment.ErpBridge__Reconciliation__Enabled = 'false'
            $environment.ErpBridge__Orders__Enabled = 'false'
        }
    }
    $server = Start-Process dotnet -ArgumentList 'src/ErpBridge.Host/bin/Release/net10.0/ErpBridge.Host.dll' -Environment $environment -PassThru `
        -RedirectStandardOutput "$tmp/host.out" -RedirectStandardError "$tmp/host.err"
    try {
        $deadline = (Get-Date).AddSeconds(120)
        while ((Get-Status "$url/health") -ne 200) {
            if ($server.HasExited -or (Get-Date) -gt $deadline) { Get-Content "$tmp/host.out", "$tmp/host.err" | Write-Host; throw "the host exited or did not answer 200 on $url/health within 120 s" }
            Start-Sleep -Milliseconds 250
        }
        switch ($Scenario) {
            'Intake' {
                dotnet $bench compare --url "$url/ErpBridgeService.svc" `
                    --duration $Duration --warmup $Warmup --concurrency $Concurrency --markdown "$results.md" --json "$results.json" @Rest
                Write-Host "Results: $results.md and $results.json"
            }
            'Delivery' { dotnet $bench delivery --url "$url/ErpBridgeService.svc" --duration $Duration --warmup $Warmup --concurrency $Concurrency @Rest }
            'RateLimit' { dotnet $bench ratelimit --url "$url/ErpBridgeService.svc" --concurrency $Concurrency @Rest }
            'Reconcile' { dotnet $bench reconcile --url "$url/ErpBridgeService.svc" --pid $server.Id @Rest }
        }
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
