using System.Xml.XPath;
using ErpBridge.Mapping.Maps;

namespace ErpBridge.Tests.Mapping;

/// <summary>The extension functions the maps call instead of recursive templates.</summary>
public sealed class MapFunctionsTests
{
    private readonly MapFunctions functions = new(CancellationToken.None);

    [TestCase("000120", "120")]
    [TestCase("120", "120")]
    [TestCase("000", "0")]
    [TestCase("0", "0")]
    [TestCase("", "")]
    [TestCase("00A12", "00A12")]
    [TestCase("0012 ", "0012 ")]
    [TestCase("-0012", "-0012")]
    public void AlphaOut_StripsLeadingZerosOfAllDigitValuesOnly(string value, string expected) =>
        Assert.That(functions.AlphaOut(value), Is.EqualTo(expected));

    [Test]
    public void AlphaOut_FiftyThousandDigits_KeepsTheSignificantOnes() =>
        Assert.That(functions.AlphaOut(new string('0', 49_995) + "47110"), Is.EqualTo("47110"));

    [TestCase("plain", "plain")]
    [TestCase("a & b < c > d \"e\" 'f'", "a &amp; b &lt; c &gt; d &quot;e&quot; 'f'")]
    [TestCase("one\r\ntwo\nthree\r", "one<br>two<br>three")]
    [TestCase("&amp;", "&amp;amp;")]
    [TestCase("", "")]
    public void TextAsHtml_EscapesMarkupAndTurnsLineFeedsIntoBreaks(string text, string expected) =>
        Assert.That(functions.TextAsHtml(text), Is.EqualTo(expected));

    [Test]
    public void Chunks_CutsIntoPiecesOfTheSizeInOrder()
    {
        var chunks = Values(functions.Chunks(new string('a', 70) + new string('b', 70) + "cc", 70));

        Assert.That(chunks, Is.EqualTo(new[] { new string('a', 70), new string('b', 70), "cc" }));
    }

    [Test]
    public void Chunks_EmptyText_GivesNone() => Assert.That(Values(functions.Chunks("", 70)), Is.Empty);

    [Test]
    public void Chunks_NeverCutsASurrogatePair()
    {
        var text = "abc\U0001F600de";

        var chunks = Values(functions.Chunks(text, 4));

        Assert.That(chunks, Is.EqualTo(new[] { "abc", "\U0001F600de" }));
    }

    [TestCase(1)]
    [TestCase(double.NaN)]
    public void Chunks_SizeBelowTwo_IsRefused(double size) =>
        Assert.That(() => functions.Chunks("abc", size), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void EveryFunction_ChecksTheToken()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var stopped = new MapFunctions(cancelled.Token);

        Assert.That(() => stopped.AlphaOut("01"), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(() => stopped.TextAsHtml("a"), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(() => stopped.Chunks("a", 70), Throws.InstanceOf<OperationCanceledException>());
    }

    private static List<string> Values(XPathNodeIterator iterator)
    {
        var values = new List<string>();
        while (iterator.MoveNext())
        {
            values.Add(iterator.Current!.Value);
        }

        return values;
    }
}
