using ErpBridge.Core.Xml;

namespace ErpBridge.Tests.Core;

public sealed class XmlCharsTests
{
    [Test]
    public void IndexOfInvalid_FindsTheFirstCharacterXmlCannotCarry()
    {
        // Built here, not passed as test-case arguments: a lone surrogate does not survive the test adapter's names.
        var cases = new (string Text, int Expected)[]
        {
            ("plain text, ü € and a pair \U0001D11E", -1),
            ("tab\tand\nnewline\rok", -1),
            ("a" + (char)0x01 + "b", 1),
            ("lone " + (char)0xD800 + " high", 5),
            ("lone low " + (char)0xDC00, 9),
            ("x" + (char)0xFFFE, 1),
        };

        Assert.That(cases.Select(c => XmlChars.IndexOfInvalid(c.Text)), Is.EqualTo(cases.Select(c => c.Expected)));
    }
}
