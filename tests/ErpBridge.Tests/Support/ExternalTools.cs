namespace ErpBridge.Tests.Support;

/// <summary>
/// The independent clients' tool chains, probed one way for every test that runs them: Debian's python3 with zeep, and
/// the JAX-WS RI with a JDK. A missing tool makes the calling test ignored, naming the package to install, not failed.
/// </summary>
public static class ExternalTools
{
    /// <summary>Debian's interpreter, the one python3-zeep installs into (the python3 first on PATH may be another).</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>The JAX-WS runtime; its manifest Class-Path brings the JAXB, SAAJ and javax.jws/xml.ws API jars.</summary>
    public const string JaxWsRuntime = "/usr/share/java/jaxws-rt.jar";

    private const string MissingZeep = "python3-zeep is not installed: apt-get install python3-zeep";

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Ignores the calling test unless <see cref="Python"/> imports zeep and every one of <paramref name="modules"/>;
    /// returns zeep's version.
    /// </summary>
    public static async Task<string> RequireZeepAsync(params string[] modules)
    {
        if (!File.Exists(Python))
        {
            Assert.Ignore($"{Python} does not exist; {MissingZeep}");
        }

        var imports = string.Join(", ", modules.Prepend("zeep"));
        var probe = await ExternalProcess.RunAsync(Python, ["-c", $"import {imports}; print(zeep.__version__)"], ProbeTimeout);
        if (probe.ExitCode != 0)
        {
            Assert.Ignore($"{MissingZeep} ({Python} -c \"import {imports}\" failed: {probe.StandardError.Trim().Split('\n')[^1]})");
        }

        return probe.StandardOutput.Trim();
    }

    /// <summary>Ignores the calling test unless wsimport with the JAX-WS runtime, javac and java are installed; returns their paths.</summary>
    public static JavaTools RequireJaxWs()
    {
        var wsimport = ExternalProcess.FindOnPath("wsimport");
        var javac = ExternalProcess.FindOnPath("javac");
        var java = ExternalProcess.FindOnPath("java");
        if (wsimport is null || !File.Exists(JaxWsRuntime))
        {
            Assert.Ignore("jaxws (wsimport, " + JaxWsRuntime + ") is not installed: apt-get install jaxws");
        }

        if (javac is null || java is null)
        {
            Assert.Ignore("javac/java are not installed: apt-get install openjdk-17-jdk-headless");
        }

        return new JavaTools(wsimport!, javac!, java!);
    }
}
