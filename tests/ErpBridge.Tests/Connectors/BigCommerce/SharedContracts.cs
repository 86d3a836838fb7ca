namespace ErpBridge.Tests.Connectors.BigCommerce;

/// <summary>
/// The published platform contracts live beside the checkout (<c>../shared/contracts/</c> from the repository root),
/// not in it. Tests that need them call <see cref="RequireFolder"/>, which reports the test skipped when they are absent.
/// </summary>
internal static class SharedContracts
{
    public static string? Folder(string platform)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ErpBridge.sln")))
            {
                var contracts = Path.GetFullPath(Path.Combine(folder.FullName, "..", "shared", "contracts", platform));
                return Directory.Exists(contracts) ? contracts : null;
            }
        }

        return null;
    }

    public static string RequireFolder(string platform)
    {
        var folder = Folder(platform);
        if (folder is null)
        {
            Assert.Ignore($"The published {platform} contracts are not beside this checkout (../shared/contracts/{platform} from the repository root); contract checks skipped.");
        }

        return folder!;
    }
}
