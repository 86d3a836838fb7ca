using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ErpBridge.Bench;

/// <summary>Writes --json and --markdown output files.</summary>
internal static class ReportFiles
{
    public static Task WriteJsonAsync<T>(string? path, T value, JsonTypeInfo<T> typeInfo) =>
        path is null ? Task.CompletedTask : WriteAsync(path, JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));

    public static Task WriteMarkdownAsync(string? path, CompareReport report) =>
        path is null ? Task.CompletedTask : WriteAsync(path, Encoding.UTF8.GetBytes(MarkdownReport.Render(report)));

    private static async Task WriteAsync(string path, byte[] bytes)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllBytesAsync(path, bytes);
        Console.WriteLine($"wrote {path}");
    }
}
