using System.Text;
using System.Xml;
using System.Xml.Schema;
using ErpBridge.Core.Intake;
using ErpBridge.Core.Security;
using ErpBridge.Soap.Contract;

namespace ErpBridge.Soap;

/// <summary>
/// Reads a buffered request once, in order: well-formed XML without a DTD, a SOAP envelope of the version the
/// media type announces, headers that must be understood, a known operation, the caller's credentials, and a body
/// valid against the XSD. The first problem found becomes the fault; nothing after it runs.
/// </summary>
public sealed class EnvelopeInspector(ContractSchemas schemas, OperationCatalog catalog, IntakeDispatch intake, ClientAuthenticator authenticator, SoapOptions options)
{
    private const string PasswordDigestType = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";

    // Comments and processing instructions are kept: the intake operations' request objects are read through this
    // reader, and a document sent with SubmitDocument is stored with the comments it carries.
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
    };

    private readonly XmlReaderSettings validating = schemas.ValidatingSettings();
    private readonly SchemaViolationReason violations = new(schemas.Set);

    internal async ValueTask<GateResult> InspectAsync(ArraySegment<byte> body, SoapVersion announced, string? authorizationHeader, RequestContext request, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = new MemoryStream(body.Array!, body.Offset, body.Count, writable: false);
            using var reader = new LimitingXmlReader(XmlReader.Create(stream, ReaderSettings), options.MaxDepth, options.MaxItemsPerMessage);
            var result = await InspectEnvelopeAsync(reader, announced, authorizationHeader, request, cancellationToken);

            // A refusal found early must not hide that the document is not XML at all: that is reported first. A limit
            // crossed further on does not replace it (the reading stops there).
            try
            {
                while (result.Fault is not null && reader.Read())
                {
                }
            }
            catch (GateLimitException)
            {
            }

            return result;
        }
        catch (XmlException) when (HasDocumentType(body))
        {
            return Refuse(FaultCodes.DtdProhibited, "Document type declarations (DTDs) and entity declarations are not accepted.", request);
        }
        catch (XmlException ex)
        {
            return Refuse(FaultCodes.MalformedXml, $"The request is not well-formed XML: {ex.Message}", request);
        }
        catch (GateLimitException ex)
        {
            return Refuse(FaultCodes.LimitExceeded, ex.Reason, request);
        }
    }

    /// <summary>
    /// Whether the document declares a DTD, read by a parser (any encoding) that stops at the declaration: it resolves
    /// nothing external and expands no entity, since it never reaches a reference.
    /// </summary>
    private static bool HasDocumentType(ArraySegment<byte> body)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = null, MaxCharactersFromEntities = 1024 };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body.Array!, body.Offset, body.Count, writable: false), settings);
            while (reader.Read())
            {
                if (reader.NodeType is XmlNodeType.DocumentType or XmlNodeType.Element)
                {
                    return reader.NodeType == XmlNodeType.DocumentType;
                }
            }
        }
        catch (XmlException)
        {
        }

        return false;
    }

    private async ValueTask<GateResult> InspectEnvelopeAsync(LimitingXmlReader reader, SoapVersion announced, string? authorizationHeader, RequestContext request, CancellationToken cancellationToken)
    {
        reader.MoveToContent();
        if (reader.LocalName != "Envelope")
        {
            return Refuse(FaultCodes.MalformedXml, $"The root element is '{reader.Name}'; a SOAP request starts with an Envelope element.", request);
        }

        SoapVersion version;
        switch (reader.NamespaceURI)
        {
            case Ns.Soap11:
                version = SoapVersion.Soap11;
                break;
            case Ns.Soap12:
                version = SoapVersion.Soap12;
                break;
            default:
                return Refuse(FaultCodes.VersionMismatch, $"Envelope namespace '{reader.NamespaceURI}' is neither SOAP 1.1 ({Ns.Soap11}) nor SOAP 1.2 ({Ns.Soap12}).", request);
        }

        request.Version = version;
        if (version != announced)
        {
            return Refuse(
                FaultCodes.VersionMismatch,
                $"A {Name(version)} envelope was sent with the media type of {Name(announced)} ({announced.MediaType()}); {Name(version)} requires Content-Type {version.MediaType()}.",
                request);
        }

        var env = version.EnvelopeNamespace();
        var envelopeEmpty = reader.IsEmptyElement;
        reader.Read();
        reader.MoveToContent();
        PresentedCredential? credential = null;
        if (!envelopeEmpty && IsElement(reader, "Header", env))
        {
            if (ReadHeader(reader, env, request, out credential) is { } headerFault)
            {
                return headerFault;
            }

            reader.Read();
            reader.MoveToContent();
        }

        if (envelopeEmpty || !IsElement(reader, "Body", env))
        {
            return Refuse(FaultCodes.MalformedXml, "The envelope has no Body element after the optional Header.", request);
        }

        return await InspectBodyAsync(reader, credential ?? BasicCredential(authorizationHeader), request, cancellationToken);
    }

    private async ValueTask<GateResult> InspectBodyAsync(LimitingXmlReader reader, PresentedCredential? credential, RequestContext request, CancellationToken cancellationToken)
    {
        var bodyEmpty = reader.IsEmptyElement;
        reader.Read();
        reader.MoveToContent();
        if (bodyEmpty || reader.NodeType != XmlNodeType.Element)
        {
            return Refuse(FaultCodes.UnknownOperation, "The Body is empty; it must hold one operation's request element.", request);
        }

        var operation = catalog.Find(reader.LocalName, reader.NamespaceURI);
        if (operation is null)
        {
            var known = string.Join(", ", catalog.All.Select(o => $"{o.Name} ({o.Namespace})"));
            return Refuse(FaultCodes.UnknownOperation, $"Element '{reader.LocalName}' in namespace '{reader.NamespaceURI}' is not an operation of ErpBridgeService; operations: {known}.", request);
        }

        request.Operation = operation.Name;
        reader.CountItemsAt(reader.Depth + 2);
        request.PresentedUserName = credential?.UserName;
        // A digest's nonce is recorded where every node sees it: a token is used once, whichever node it reaches.
        var authentication = await authenticator.AuthenticateAsync(credential, request.SourceAddress, cancellationToken);
        if (authentication.ClientName is not { } client)
        {
            request.AuthenticationThrottled = authentication.Throttled;
            return Refuse(FaultCodes.AuthenticationFailed, "Authentication failed.", request);
        }

        request.ClientName = client;
        var direct = intake.Find(operation.Name);
        IEnvelopeFields? read = null;
        try
        {
            using var subtree = reader.ReadSubtree();
            using var validator = XmlReader.Create(subtree, validating);
            if (direct is not null)
            {
                // The request object is read from the validating reader: one pass parses, validates and reads it.
                read = direct.Read(validator);
                request.MessageId = read.MessageId;
            }

            while (!validator.EOF)
            {
                // The MessageId (a child of the operation element) goes into every log line about the request.
                if (validator is { NodeType: XmlNodeType.Element, Depth: 1, LocalName: "MessageId" } && request.MessageId is null)
                {
                    request.MessageId = validator.ReadElementContentAsString();
                    continue;
                }

                validator.Read();
            }
        }
        catch (XmlSchemaValidationException ex)
        {
            return SchemaViolation(ex, request);
        }
        catch (InvalidOperationException ex) when (ex.InnerException is XmlSchemaValidationException invalid)
        {
            return SchemaViolation(invalid, request);
        }
        catch (InvalidOperationException ex) when (ex.InnerException is XmlException malformed)
        {
            // Not well-formed: reported as such by Inspect, like a problem found outside the body.
            throw malformed;
        }
        catch (InvalidOperationException ex) when (ex.InnerException is GateLimitException limit)
        {
            // A limit crossed while the serializer read the request object: reported by Inspect like any other.
            throw limit;
        }
        catch (InvalidOperationException ex) when (direct is not null && ex.InnerException is FormatException or OverflowException)
        {
            // A value the schema allows but the contract type cannot hold (the serializer's own refusal).
            return Refuse(FaultCodes.SchemaViolation, $"The {operation.Name} request could not be read: {ex.InnerException.Message}", request);
        }

        // One operation element and nothing else: a second one would otherwise be ignored without a word.
        reader.Read();
        if (reader.MoveToContent() is XmlNodeType.Element or XmlNodeType.Text or XmlNodeType.CDATA)
        {
            var what = reader.NodeType == XmlNodeType.Element ? $"a second element '{reader.LocalName}'" : "text";
            return Refuse(FaultCodes.SchemaViolation, $"The Body holds {what} after {operation.Name}; a request's Body holds exactly one operation element.", request);
        }

        // The rest must be well-formed too; SoapCore reads the same bytes next when it runs the operation.
        while (reader.Read())
        {
        }

        return direct is null ? GateResult.Pass(operation) : GateResult.Dispatch(operation, direct, read!);
    }

    /// <summary>Collects the UsernameToken and refuses headers marked mustUnderstand that this service does not process.</summary>
    private static GateResult? ReadHeader(XmlReader reader, string env, RequestContext request, out PresentedCredential? credential)
    {
        credential = null;
        if (reader.IsEmptyElement)
        {
            return null;
        }

        var depth = reader.Depth;
        reader.Read();
        while (reader.Depth > depth)
        {
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            if (IsElement(reader, "Security", Ns.WsSecurity))
            {
                credential = ReadSecurity(reader);
                continue;
            }

            var mustUnderstand = reader.GetAttribute("mustUnderstand", env);
            if (mustUnderstand is "1" or "true")
            {
                return Refuse(FaultCodes.MustUnderstand, $"Header '{reader.LocalName}' in namespace '{reader.NamespaceURI}' is marked mustUnderstand and is not understood by this service.", request);
            }

            reader.Skip();
        }

        return null;
    }

    private static PresentedCredential? ReadSecurity(XmlReader reader)
    {
        string? user = null, password = null, type = null, nonce = null, created = null;
        using (var security = reader.ReadSubtree())
        {
            security.Read();
            while (!security.EOF)
            {
                // ReadElementContentAsString moves past the element, so only other nodes need a Read.
                switch (security.NodeType, security.LocalName, security.NamespaceURI)
                {
                    case (XmlNodeType.Element, "Username", Ns.WsSecurity):
                        user = security.ReadElementContentAsString();
                        break;
                    case (XmlNodeType.Element, "Password", Ns.WsSecurity):
                        type = security.GetAttribute("Type");
                        password = security.ReadElementContentAsString();
                        break;
                    case (XmlNodeType.Element, "Nonce", Ns.WsSecurity):
                        nonce = security.ReadElementContentAsString();
                        break;
                    case (XmlNodeType.Element, "Created", Ns.WsUtility):
                        created = security.ReadElementContentAsString();
                        break;
                    default:
                        security.Read();
                        break;
                }
            }
        }

        reader.Read();
        if (user is null || password is null)
        {
            return null;
        }

        return type == PasswordDigestType
            ? (nonce is null || created is null ? null : new PresentedCredential.Digest(user.Trim(), password.Trim(), nonce.Trim(), created.Trim()))
            : new PresentedCredential.Password(user.Trim(), password);
    }

    private static PresentedCredential.Password? BasicCredential(string? authorization)
    {
        const string Scheme = "Basic ";
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[Scheme.Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon <= 0 ? null : new PresentedCredential.Password(decoded[..colon], decoded[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool IsElement(XmlReader reader, string localName, string ns) =>
        reader.NodeType == XmlNodeType.Element && reader.LocalName == localName && reader.NamespaceURI == ns;

    private static string Name(SoapVersion version) => version == SoapVersion.Soap11 ? "SOAP 1.1" : "SOAP 1.2";

    private GateResult SchemaViolation(XmlSchemaValidationException ex, RequestContext request) =>
        Refuse(FaultCodes.SchemaViolation, violations.For(ex), request);

    private static GateResult Refuse(string code, string reason, RequestContext request) =>
        GateResult.Refuse(SoapFault.Client(code, reason, request.CorrelationId));
}
