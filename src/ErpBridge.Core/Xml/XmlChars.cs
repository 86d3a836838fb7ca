using System.Xml;

namespace ErpBridge.Core.Xml;

/// <summary>Which characters of a text XML can carry: the characters of the XML 1.0 Char production, surrogate pairs included.</summary>
public static class XmlChars
{
    /// <summary>The index of the first character XML cannot carry (a control character, a lone surrogate, U+FFFE/U+FFFF), or -1 when there is none.</summary>
    public static int IndexOfInvalid(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (IsPairAt(text, i))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether a surrogate pair (one character XML can carry) starts at <paramref name="index"/>.</summary>
    public static bool IsPairAt(string text, int index)
    {
        ArgumentNullException.ThrowIfNull(text);
        return char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]);
    }
}
