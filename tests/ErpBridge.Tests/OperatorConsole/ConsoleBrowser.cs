using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace ErpBridge.Tests.OperatorConsole;

/// <summary>
/// Debian's Chromium, headless, driven by its chromedriver through Selenium, with a download folder of its own. The
/// flags keep it off the network (the machine's is closed) and let it run as root. Screenshots go to the test's work
/// folder, and also to the folder ERPBRIDGE_CONSOLE_SCREENSHOTS names (docs/console is made that way).
/// </summary>
public sealed class ConsoleBrowser : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    private readonly ChromeDriver driver;

    private ConsoleBrowser(ChromeDriver driver, string downloads)
    {
        this.driver = driver;
        Downloads = downloads;
    }

    public IWebDriver Driver => driver;

    public string Downloads { get; }

    /// <summary>The browser, or an ignored test naming what is missing (.ci/run installs both packages).</summary>
    public static ConsoleBrowser Start()
    {
        if (!File.Exists(ChromiumPath) || !File.Exists(DriverPath))
        {
            Assert.Ignore($"The browser tests need Debian's chromium and chromium-driver ({ChromiumPath}, {DriverPath}); .ci/run installs them.");
        }

        var downloads = Path.Combine(Path.GetTempPath(), "erpbridge-console-downloads", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(downloads);
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
            "--user-data-dir=" + Path.Combine(downloads, ".profile"));
        options.AddUserProfilePreference("download.default_directory", downloads);
        options.AddUserProfilePreference("download.prompt_for_download", false);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new ConsoleBrowser(new ChromeDriver(service, options, TimeSpan.FromSeconds(60)), downloads);
    }

    public void GoTo(Uri url) => driver.Navigate().GoToUrl(url);

    public void SignIn(Uri baseAddress, string userName, string password)
    {
        GoTo(new Uri(baseAddress, "console/sign-in"));
        Find(By.Id("userName")).SendKeys(userName);
        Find(By.Id("password")).SendKeys(password);
        Find(By.Id("sign-in")).Click();

        // The answer has come: the page signed in to, or the sign-in page again with its error.
        Until(d => d.FindElements(By.Id("operator")).Count > 0 || d.FindElements(By.Id("sign-in-error")).Count > 0, "the sign-in answered");
    }

    public IWebElement Find(By by)
    {
        try
        {
            return Wait().Until(d => d.FindElement(by));
        }
        catch (WebDriverTimeoutException)
        {
            Assert.Fail($"No {by} within 30 s on {driver.Url}. The page:\n{driver.FindElement(By.TagName("body")).Text}");
            throw;
        }
    }

    public IReadOnlyList<IWebElement> FindAll(By by) => driver.FindElements(by);

    /// <summary>
    /// The text of the element once it holds <paramref name="expected"/>: after a form's submit the old page may still
    /// be the one found (its element then goes stale), so the text is read again until the answer's page is there.
    /// </summary>
    public string TextContaining(By by, string expected)
    {
        var wait = Wait();
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        try
        {
            return wait.Until(d => d.FindElement(by).Text is { } text && text.Contains(expected, StringComparison.Ordinal) ? text : null)!;
        }
        catch (WebDriverTimeoutException)
        {
            Assert.Fail($"No {by} with \"{expected}\" within 30 s on {driver.Url}. The page:\n{driver.FindElement(By.TagName("body")).Text}");
            throw;
        }
    }

    /// <summary>Waits (reloading the page each time when <paramref name="reload"/>) until the condition holds.</summary>
    public void Until(Func<IWebDriver, bool> condition, string what, bool reload = false)
    {
        try
        {
            Wait().Until(d =>
            {
                if (condition(d))
                {
                    return true;
                }

                if (reload)
                {
                    d.Navigate().Refresh();
                }

                return false;
            });
        }
        catch (WebDriverTimeoutException)
        {
            Assert.Fail($"Not within 30 s: {what}. The page:\n{driver.FindElement(By.TagName("body")).Text}");
        }
    }

    /// <summary>A screenshot of the page as it is, named for the docs.</summary>
    public void Screenshot(string name)
    {
        var shot = driver.GetScreenshot();
        var work = Path.Combine(TestContext.CurrentContext.WorkDirectory, "console-screenshots");
        Directory.CreateDirectory(work);
        shot.SaveAsFile(Path.Combine(work, name + ".png"));
        if (Environment.GetEnvironmentVariable("ERPBRIDGE_CONSOLE_SCREENSHOTS") is { Length: > 0 } docs)
        {
            Directory.CreateDirectory(docs);
            shot.SaveAsFile(Path.Combine(docs, name + ".png"));
        }
    }

    public void Dispose()
    {
        driver.Quit();
        driver.Dispose();
        try
        {
            Directory.Delete(Downloads, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold its profile for a moment; the folder is in the temporary directory.
        }
    }

    private WebDriverWait Wait() => new(driver, TimeSpan.FromSeconds(30)) { PollingInterval = TimeSpan.FromMilliseconds(100) };
}
