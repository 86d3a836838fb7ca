namespace ErpBridge.Tests.Support;

/// <summary>
/// The repository's own maps, schemas and samples (not the copies in the build output), so that a test run checks
/// what is committed, and the published platform contracts kept beside the repository.
/// </summary>
public static class RepositoryFolders
{
    private static readonly Lazy<string> RootFolder = new(FindRoot);

    public static string Root => RootFolder.Value;

    public static string Xslt => Path.Combine(Root, "xslt");

    public static string Wsdl => Path.Combine(Root, "wsdl");

    public static string Samples => Path.Combine(Root, "samples");

    /// <summary>The published API contracts, one level above the repository root; null when they are not there.</summary>
    public static string? Contracts
    {
        get
        {
            var folder = Path.GetFullPath(Path.Combine(Root, "..", "shared", "contracts"));
            return Directory.Exists(folder) ? folder : null;
        }
    }

    /// <summary>A contract file, or an ignored test saying why it cannot be checked here.</summary>
    public static string Contract(string relativePath)
    {
        var contracts = Contracts;
        if (contracts is null)
        {
            Assert.Ignore("The published platform contracts (../shared/contracts beside the repository) are not present, so field names cannot be checked against them.");
        }

        var path = Path.Combine(contracts!, relativePath);
        if (!File.Exists(path))
        {
            Assert.Ignore($"The contract {relativePath} is not in {contracts}.");
        }

        return path;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ErpBridge.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ErpBridge.sln above {AppContext.BaseDirectory}.");
    }
}
