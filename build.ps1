# Usage: dotnet tool restore; dotnet pwsh build.ps1 [Build|Test|Run|Bench|Postgres|PostgresStop|Publish] [-Scenario Intake|Delivery|RateLimit|Xslt|Reconcile|Kill]
#        [-Operation Inventory|Products|Shipments|Prices] [-Storage Sqlite|PostgreSql] [-Nodes 1]
#        [-Duration 60 -Warmup 30 -Concurrency 16 -Port 5080] [--extra args]
# Postgres: starts a local PostgreSQL for development (Debian's postgresql package, as CI does; Linux), with a database
# erpbridge, and prints the settings for the bridge and the PostgreSQL storage suite; PostgresStop stops and deletes it.
# Publish: the Release host per runtime (-Runtime linux-x64,win-x64), framework-dependent in artifacts/publish/<rid> and
# self-contained in artifacts/publish/<rid>-self-contained, with wsdl/ and xslt/ beside the executable (docs/deployment.md).
[CmdletBinding(PositionalBinding = $false)]
param(
    [Parameter(Position = 0)][ValidateSet('Build', 'Test', 'Run', 'Bench', 'Postgres', 'PostgresStop', 'Publish')] [string]$Target = 'Build',
    # Intake: SOAP accepts against the ceiling (delivery off). Delivery: accepted and delivered to both sandboxes,
    # rate limits off. RateLimit: a burst of 1,000 messages against rate-limited sandboxes. Xslt: stock-map transforms/s, then each map's
    # time per run and per KB at growing sizes of the large inputs (pass --divide 16 --cap 30 for old, quadratic maps).
    # Reconcile: 100,000 SKUs delivered to the BigCommerce sandbox (rate-limited), 1% changed there, reconciled; time and memory.
    # Kill: the bridge killed with SIGKILL 100 times (--cycles N) while stock, products and shipments are sent and
    # delivered; then every accepted message delivered, each shipment once per store, each level the newest.
    [ValidateSet('Intake', 'Delivery', 'RateLimit', 'Xslt', 'Reconcile', 'Kill')] [string]$Scenario = 'Intake',
    # Intake only: the Submit operation loaded. Shipments start the sandboxes, seed 50 orders on each, and wait until
    # the bridge's order poll (every 2 s here) has fetched them: a shipment is accepted only for an order it fetched.
    [ValidateSet('Inventory', 'Products', 'Shipments', 'Prices')] [string]$Operation = 'Inventory',
    # Bench only: the bridge's database. PostgreSql starts a throw-away cluster for the run (.ci/postgres, durable:
    # fsync on) on the same machine; Sqlite is the embedded default.
    [ValidateSet('Sqlite', 'PostgreSql')] [string]$Storage = 'Sqlite',
    # Bench only (Intake, Delivery; PostgreSql): bridge processes on one database, on -Port, -Port+1, ...; the load
    # is spread over them (worker i sends to node i mod Nodes).
    [ValidateRange(1, 4)] [int]$Nodes = 1,
    [int]$Duration = 60,
    [int]$Warmup = 30,
    [int]$Concurrency = 16,
    [int]$Port = 5080,
    # Publish only: the runtime identifiers to publish for.
    [ValidateSet('linux-x64', 'win-x64', 'linux-arm64', 'osx-arm64')] [string[]]$Runtime = @('linux-x64', 'win-x64'),
    # Anything else goes on to dotnet build/test/run or the bench tool; use long options: build.ps1 Test --filter Name~Wsdl
    [Parameter(ValueFromRemainingArguments = $true)] [string[]]$Rest = @()
)
$ErrorActionPreference = 'Stop'
$PSNativeCommandUseErrorActionPreference = $true   # a native command's non-zero exit code throws
Set-Location $PSScriptRoot

function Get-Status([string]$Url) { try { (Invoke-WebRequest $Url -TimeoutSec 2 -SkipHttpErrorCheck).StatusCode } catch { 0 } }

# Configuration as environment variables (ErpBridge__Channels__shopify-demo__BaseUrl=...), from a JSON section.
function Add-Settings([object]$Node, [string]$Key, [hashtable]$Into) {
    if ($Node -is [System.Collections.IDictionary]) { foreach ($entry in $Node.GetEnumerator()) { Add-Settings $entry.Value "${Key}__$($entry.Key)" $Into } }
    elseif ($Node -is [System.Collections.IList]) { for ($i = 0; $i -lt $Node.Count; $i++) { Add-Settings $Node[$i] "${Key}__$i" $Into } }
    elseif ($Node -is [bool]) { $Into[$Key] = $Node.ToString().ToLowerInvariant() }
    else { $Into[$Key] = [string]$Node }
}

function Wait-Status([string[]]$Urls, [System.Diagnostics.Process]$Process, [string[]]$Logs) {
    $deadline = (Get-Date).AddSeconds(120)
    foreach ($check in $Urls) {
        while ((Get-Status $check) -ne 200) {
            if ($Process.HasExited -or (Get-Date) -gt $deadline) { Get-Content $Logs -ErrorAction Ignore | Write-Host; throw "the process exited or did not answer 200 on $check within 120 s" }
            Start-Sleep -Milliseconds 250
        }
    }
}

function Invoke-Bench {
    $bench = 'bench/ErpBridge.Bench/bin/Release/net10.0/ErpBridge.Bench.dll'
    if ($Scenario -eq 'Xslt') {
        dotnet build bench/ErpBridge.Bench -c Release --nologo -v q
        dotnet $bench xslt --folder xslt --duration ([Math]::Min($Duration, 120)) @Rest
        return
    }

    if ($Nodes -gt 1 -and ($Storage -ne 'PostgreSql' -or $Scenario -notin 'Intake', 'Delivery')) { throw '-Nodes 2 or more needs -Storage PostgreSql and -Scenario Intake or Delivery (SQLite is one node)' }
    if ($Storage -eq 'PostgreSql' -and $Scenario -notin 'Intake', 'Delivery') { throw '-Storage PostgreSql is for -Scenario Intake and Delivery' }
    $urls = @(0..($Nodes - 1) | ForEach-Object { "http://127.0.0.1:$($Port + $_)" })
    $url = $urls[0]
    foreach ($node in $urls) { if ((Get-Status "$node/health") -ne 0) { throw "something already answers on $node; pick another -Port" } }
    $alsoUrl = if ($Nodes -gt 1) { @('--also-url', (($urls | Select-Object -Skip 1 | ForEach-Object { "$_/ErpBridgeService.svc" }) -join ',')) } else { @() }
    # The sandboxes run as their own process (a Release host has none inside); Intake delivers nowhere and needs none,
    # except for the orders its shipments name.
    $sandboxes = $Scenario -ne 'Intake' -or $Operation -eq 'Shipments'
    $sandboxStates = 5091..5095 | ForEach-Object { "http://127.0.0.1:$_/_sandbox/state" }
    if ($sandboxes) { foreach ($state in $sandboxStates) { if ((Get-Status $state) -ne 0) { throw "something already answers on $state; stop it (a bridge run in Development starts the sandboxes too)" } } }
    dotnet build src/ErpBridge.Host -c Release --nologo -v q
    dotnet build bench/ErpBridge.Bench -c Release --nologo -v q
    if ($sandboxes) { dotnet build sandboxes/ErpBridge.Sandboxes -c Release --nologo -v q }
    $tmp = Join-Path ([IO.Path]::GetTempPath()) "erpbridge-bench-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory "$tmp/logs" | Out-Null
    $stamp = Get-Date -Format 'yyyyMMdd-HHmmss'
    $results = Join-Path $PSScriptRoot "bench/results/$($Scenario.ToLowerInvariant())$(if ($Scenario -eq 'Intake' -and $Operation -ne 'Inventory') { '-' + $Operation.ToLowerInvariant() })$(if ($Storage -ne 'Sqlite') { '-' + $Storage.ToLowerInvariant() })$(if ($Nodes -gt 1) { "-$($Nodes)nodes" })-$stamp"
    # The Release host in Production, as deployed, given the demo client, metrics token, channels and routes of
    # appsettings.Development.json (not its sandboxes section: the sandboxes' process reads its own sandboxes.json).
    $environment = @{ ASPNETCORE_ENVIRONMENT = 'Production'; ErpBridge__Storage__ConnectionString = "Data Source=$tmp/bench.db"; ErpBridge__Logging__File = "$tmp/logs/bench-.clef"; urls = $url; ErpBridge__Logging__MinimumLevel = 'Warning' }
    $demo = (Get-Content -Raw src/ErpBridge.Host/appsettings.Development.json | ConvertFrom-Json -AsHashtable).ErpBridge
    foreach ($section in 'Security', 'Monitoring', 'Channels', 'Routes', 'Prices', 'ErpEndpoints') { Add-Settings $demo[$section] "ErpBridge__$section" $environment }
    $sandboxEnvironment = @{}
    switch ($Scenario) {
        'Intake' {
            # Routed to two channels (two deliveries per accept), as the Delivery scenario; the
            # demo route names all four demo stores.
            $environment.ErpBridge__Delivery__Enabled = 'false'
            $environment.ErpBridge__Routes__Inventory__2 = ' '
            $environment.ErpBridge__Routes__Inventory__3 = ' '
            # Products and prices likewise to two channels; shipments go to their orders' stores (all four).
            $environment.ErpBridge__Routes__Products__2 = ' '
            $environment.ErpBridge__Routes__Products__3 = ' '
            $environment.ErpBridge__Routes__Prices__2 = ' '
            $environment.ErpBridge__Routes__Prices__3 = ' '
            if ($Operation -eq 'Shipments') { $environment.ErpBridge__Orders__Cron = '0/2 * * * * ?' }
        }
        'Delivery' {
            # Stock routed to two channels (Shopify and BigCommerce), as the delivery target is stated; a blank
            # route entry names no channel.
            $sandboxEnvironment.ErpBridge__Sandboxes__RateLimits = 'false'
            $environment.ErpBridge__Routes__Inventory__2 = ' '
            $environment.ErpBridge__Routes__Inventory__3 = ' '
        }
        'RateLimit' {
            # Shopify and BigCommerce (the platforms with rate limits); one message per call, and limits a
            # 1,000-message burst meets within a minute.
            $environment.ErpBridge__Routes__Inventory__2 = ' '
            $environment.ErpBridge__Routes__Inventory__3 = ' '
            $environment.ErpBridge__Delivery__MaxItemsPerCall = '1'
            $sandboxEnvironment.ErpBridge__Sandboxes__Shopify__BucketSize = '200'
            $sandboxEnvironment.ErpBridge__Sandboxes__Shopify__RestoreRate = '500'
            $sandboxEnvironment.ErpBridge__Sandboxes__BigCommerce__Quota = '40'
            $sandboxEnvironment.ErpBridge__Sandboxes__BigCommerce__Window = '00:00:01'
        }
        'Reconcile' {
            # A catalogue of 100,000 SKUs in every sandbox; stock routed to BigCommerce only, 2,000 items a call (its
            # limit), its standard rate limit on; no scheduled runs or order polling in the way.
            $sandboxEnvironment.ErpBridge__Sandboxes__SkuCount = '100000'
            $environment.ErpBridge__Routes__Inventory__0 = 'bigcommerce-demo'
            $environment.ErpBridge__Routes__Inventory__1 = ' '
            $environment.ErpBridge__Routes__Inventory__2 = ' '
            $environment.ErpBridge__Routes__Inventory__3 = ' '
            $environment.ErpBridge__Delivery__MaxItemsPerCall = '2000'
            $environment.ErpBridge__Reconciliation__Enabled = 'false'
            $environment.ErpBridge__Orders__Enabled = 'false'
        }
        'Kill' {
            # The demo routes (stock and products to all four stores; shipments name theirs), no rate limits, no
            # scheduled polls or runs in the way. Claims a killed process held are taken over after LeaseDuration:
            # 10 s here instead of 2 minutes, so that the run shows recovery rather than the lease.
            $sandboxEnvironment.ErpBridge__Sandboxes__RateLimits = 'false'
            $environment.ErpBridge__Delivery__LeaseDuration = '00:00:10'
            $environment.ErpBridge__Orders__Enabled = 'false'
            $environment.ErpBridge__Reconciliation__Enabled = 'false'
        }
    }
    $stores = $null
    $servers = @()
    $postgres = "$tmp/postgres"
    try {
        if ($Storage -eq 'PostgreSql') {
            # As root the server runs as the package's user, who must reach its folder.
            if ($IsLinux) { chmod 755 $tmp }
            $environment.ErpBridge__Storage__Provider = 'PostgreSql'
            $environment.ErpBridge__Storage__ConnectionString = (bash .ci/postgres start $postgres --database erpbridge | Select-Object -Last 1).Trim()
            Write-Host "PostgreSQL: $($environment.ErpBridge__Storage__ConnectionString -replace ';Password=[^;]*', '')"
        }
        if ($sandboxes) {
            $stores = Start-Process dotnet -ArgumentList 'sandboxes/ErpBridge.Sandboxes/bin/Release/net10.0/ErpBridge.Sandboxes.dll' -Environment $sandboxEnvironment -PassThru `
                -RedirectStandardOutput "$tmp/sandboxes.out" -RedirectStandardError "$tmp/sandboxes.err"
            Wait-Status $sandboxStates $stores "$tmp/sandboxes.out", "$tmp/sandboxes.err"
        }
        if ($Scenario -ne 'Kill') {
            for ($node = 0; $node -lt $Nodes; $node++) {
                $nodeEnvironment = $environment.Clone()
                $nodeEnvironment.urls = $urls[$node]
                if ($node -gt 0) { $nodeEnvironment.ErpBridge__Logging__File = "$tmp/logs/bench-node$node-.clef" }
                $servers += Start-Process dotnet -ArgumentList 'src/ErpBridge.Host/bin/Release/net10.0/ErpBridge.Host.dll' -Environment $nodeEnvironment -PassThru `
                    -RedirectStandardOutput "$tmp/host$node.out" -RedirectStandardError "$tmp/host$node.err"
                # One after the other: the first migrates the database.
                Wait-Status "$($urls[$node])/health" $servers[$node] "$tmp/host$node.out", "$tmp/host$node.err"
            }
            $server = $servers[0]
        }
        switch ($Scenario) {
            'Intake' {
                $orders = if ($Operation -eq 'Shipments') { @('--seed-orders', '50') } else { @() }
                dotnet $bench compare --url "$url/ErpBridgeService.svc" @alsoUrl --operation $Operation @orders `
                    --duration $Duration --warmup $Warmup --concurrency $Concurrency --markdown "$results.md" --json "$results.json" @Rest
                Write-Host "Results: $results.md and $results.json"
            }
            'Delivery' { dotnet $bench delivery --url "$url/ErpBridgeService.svc" @alsoUrl --duration $Duration --warmup $Warmup --concurrency $Concurrency @Rest }
            'RateLimit' { dotnet $bench ratelimit --url "$url/ErpBridgeService.svc" --concurrency $Concurrency @Rest }
            'Reconcile' { dotnet $bench reconcile --url "$url/ErpBridgeService.svc" --pid $server.Id @Rest }
            'Kill' {
                # The bench starts (and kills) the host itself; the host's settings reach it through the environment.
                try {
                    foreach ($entry in $environment.GetEnumerator()) { [Environment]::SetEnvironmentVariable($entry.Key, $entry.Value) }
                    dotnet $bench kill --host 'src/ErpBridge.Host/bin/Release/net10.0/ErpBridge.Host.dll' --folder "$tmp/kill" --database "$tmp/bench.db" @Rest
                }
                finally {
                    foreach ($entry in $environment.GetEnumerator()) { [Environment]::SetEnvironmentVariable($entry.Key, $null) }
                }
            }
        }
    }
    catch {
        # The processes' own words, before the temporary folder goes.
        Get-Content "$tmp/sandboxes.err", "$tmp/host0.err", "$tmp/host1.err", "$tmp/kill/bridge-output.log" -ErrorAction Ignore | Select-Object -Last 40 | Write-Host
        if ($stores -and $stores.HasExited) { Write-Host "the sandboxes' process ended with exit code $($stores.ExitCode)" }
        throw
    }
    finally {
        foreach ($process in @($servers) + $stores) {
            if ($process) { Stop-Process -Id $process.Id -ErrorAction Ignore; $process.WaitForExit(10000) | Out-Null }
        }
        if (Test-Path $postgres) { bash .ci/postgres stop $postgres }
        Remove-Item -Recurse -Force $tmp -ErrorAction Ignore
    }
}

# The cluster lives in the temporary folder (the server's user must reach it when we run as root), as CI's does;
# .ci/postgres holds the steps both use.
$postgresFolder = Join-Path ([IO.Path]::GetTempPath()) 'erpbridge-postgres'

function Start-Postgres {
    $file = Join-Path $postgresFolder 'connection-string'
    if (Test-Path $file) {
        $connection = (Get-Content -Raw $file).Trim()
        Write-Host "PostgreSQL is already running (stop it with: dotnet pwsh build.ps1 PostgresStop)"
    }
    else {
        $connection = (bash .ci/postgres start $postgresFolder --database erpbridge @Rest | Select-Object -Last 1).Trim()
    }
    $server = ($connection -split ';' | Where-Object { $_ -notlike 'Database=*' }) -join ';'
    Write-Host "Connection string: $connection"
    Write-Host 'The bridge on it:'
    Write-Host "  ErpBridge__Storage__Provider=PostgreSql ErpBridge__Storage__ConnectionString='$connection'"
    Write-Host 'The PostgreSQL storage suite (it creates and drops a database per test):'
    Write-Host "  ERPBRIDGE_TEST_POSTGRES='$server' dotnet test ErpBridge.sln --filter FullyQualifiedName~Postgre"
}

# Each runtime twice: framework-dependent (needs the ASP.NET Core 10 runtime installed; small) and self-contained (needs
# nothing installed). A Release build has no sandbox (the host project leaves them out of Release); checked here too.
function Invoke-Publish {
    foreach ($rid in $Runtime) {
        foreach ($selfContained in $false, $true) {
            $folder = "artifacts/publish/$rid$(if ($selfContained) { '-self-contained' })"
            if (Test-Path $folder) { Remove-Item -Recurse -Force $folder }
            $mode = if ($selfContained) { '--self-contained' } else { '--no-self-contained' }
            dotnet publish src/ErpBridge.Host -c Release -r $rid $mode -o $folder --nologo -v q @Rest
            $executable = if ($rid -like 'win-*') { 'ErpBridge.Host.exe' } else { 'ErpBridge.Host' }
            foreach ($required in $executable, 'appsettings.json', 'wsdl/ErpBridgeService.wsdl', 'xslt/outbound') {
                if (-not (Test-Path "$folder/$required")) { throw "$folder lacks $required" }
            }
            if (Get-ChildItem $folder -Recurse | Where-Object { $_.Name -like '*Sandboxes*' -or $_.Name -eq 'appsettings.Development.json' }) {
                throw "$folder contains the sandboxes or the development settings"
            }
            Write-Host "Published $folder"
        }
    }
}

switch ($Target) {
    'Build' { dotnet build ErpBridge.sln -c Release @Rest }
    'Test' { dotnet test ErpBridge.sln @Rest }
    'Run' { dotnet run --project src/ErpBridge.Host @Rest }
    'Bench' { Invoke-Bench }
    'Postgres' { Start-Postgres }
    'PostgresStop' { bash .ci/postgres stop $postgresFolder }
    'Publish' { Invoke-Publish }
}
