using ErpBridge.Soap.Contract;

namespace ErpBridge.Soap;

public enum SoapVersion
{
    Soap11,
    Soap12,
}

public static class SoapVersionExtensions
{
    public static string EnvelopeNamespace(this SoapVersion version) => version == SoapVersion.Soap11 ? Ns.Soap11 : Ns.Soap12;

    public static string MediaType(this SoapVersion version) => version == SoapVersion.Soap11 ? "text/xml" : "application/soap+xml";
}
