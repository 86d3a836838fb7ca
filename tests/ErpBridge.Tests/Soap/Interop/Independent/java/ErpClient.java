import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.namespace.QName;
import javax.xml.soap.SOAPElement;
import javax.xml.soap.SOAPEnvelope;
import javax.xml.soap.SOAPException;
import javax.xml.soap.SOAPHeader;
import javax.xml.soap.SOAPHeaderElement;
import javax.xml.ws.BindingProvider;
import javax.xml.ws.WebServiceException;
import javax.xml.ws.handler.Handler;
import javax.xml.ws.handler.MessageContext;
import javax.xml.ws.handler.soap.SOAPHandler;
import javax.xml.ws.handler.soap.SOAPMessageContext;
import javax.xml.ws.soap.SOAPFaultException;

import erpbridge.client.ErpBridgeFault;
import erpbridge.client.ErpBridgeFault_Exception;
import erpbridge.client.ErpBridgeService;
import erpbridge.client.ErpBridgeServicePortType;
import erpbridge.client.InventoryItem;
import erpbridge.client.Receipt;
import erpbridge.client.SubmitInventory;

/**
 * ErpBridge client on classes that JAX-WS wsimport generated from the WSDL the bridge serves, the way a Java ERP
 * stack (SAP PI/PO, Oracle) consumes the contract: the generated service and port, a WS-Security UsernameToken added
 * by a SOAPHandler, and faults mapped to the generated ErpBridgeFault_Exception.
 *
 * Steps, each reported as a receipt or a fault:
 *   submit    a new inventory message (two items)
 *   repeat    the same message again (same content)
 *   conflict  the same MessageId with different content (three items)
 *
 * Prints one JSON object on stdout; exit code 0 when every step ended in a receipt or a fault.
 *
 * Usage: java -cp classes:/usr/share/java/jaxws-rt.jar ErpClient WSDL_URL ErpBridgeServiceSoap11|ErpBridgeServiceSoap12 USER PASSWORD MESSAGE_ID [TIMEOUT_SECONDS]
 */
public final class ErpClient {
    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String PASSWORD_TEXT = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";

    private ErpClient() {
    }

    /** Adds wsse:Security with a PasswordText UsernameToken to every outgoing message and notes the envelope namespace. */
    static final class UsernameTokenHandler implements SOAPHandler<SOAPMessageContext> {
        private final String user;
        private final String password;
        final List<String> envelopeNamespaces = new ArrayList<>();

        UsernameTokenHandler(String user, String password) {
            this.user = user;
            this.password = password;
        }

        @Override
        public boolean handleMessage(SOAPMessageContext context) {
            if (!Boolean.TRUE.equals(context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY))) {
                return true;
            }
            try {
                SOAPEnvelope envelope = context.getMessage().getSOAPPart().getEnvelope();
                envelopeNamespaces.add(envelope.getNamespaceURI());
                SOAPHeader header = envelope.getHeader();
                if (header == null) {
                    header = envelope.addHeader();
                }
                SOAPHeaderElement security = header.addHeaderElement(new QName(WSSE, "Security", "wsse"));
                security.setMustUnderstand(true);
                SOAPElement token = security.addChildElement("UsernameToken", "wsse");
                token.addChildElement("Username", "wsse").addTextNode(user);
                SOAPElement passwordElement = token.addChildElement("Password", "wsse");
                passwordElement.setAttribute("Type", PASSWORD_TEXT);
                passwordElement.addTextNode(password);
                context.getMessage().saveChanges();
            } catch (SOAPException e) {
                throw new WebServiceException("Could not add the UsernameToken", e);
            }
            return true;
        }

        @Override
        public boolean handleFault(SOAPMessageContext context) {
            return true;
        }

        @Override
        public void close(MessageContext context) {
        }

        @Override
        public Set<QName> getHeaders() {
            return Collections.singleton(new QName(WSSE, "Security"));
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: ErpClient WSDL_URL ErpBridgeServiceSoap11|ErpBridgeServiceSoap12 USER PASSWORD MESSAGE_ID [TIMEOUT_SECONDS]");
            System.exit(2);
        }
        URL wsdl = new URL(args[0]);
        String port = args[1];
        int timeoutMillis = (args.length > 5 ? Integer.parseInt(args[5]) : 30) * 1000;

        ErpBridgeService service = new ErpBridgeService(wsdl);
        ErpBridgeServicePortType proxy;
        if ("ErpBridgeServiceSoap11".equals(port)) {
            proxy = service.getErpBridgeServiceSoap11();
        } else if ("ErpBridgeServiceSoap12".equals(port)) {
            proxy = service.getErpBridgeServiceSoap12();
        } else {
            throw new IllegalArgumentException("port must be ErpBridgeServiceSoap11 or ErpBridgeServiceSoap12: " + port);
        }

        BindingProvider provider = (BindingProvider) proxy;
        UsernameTokenHandler tokenHandler = new UsernameTokenHandler(args[2], args[3]);
        @SuppressWarnings("rawtypes")
        List<Handler> chain = new ArrayList<>(provider.getBinding().getHandlerChain());
        chain.add(tokenHandler);
        provider.getBinding().setHandlerChain(chain);
        Map<String, Object> requestContext = provider.getRequestContext();
        requestContext.put("com.sun.xml.ws.connect.timeout", timeoutMillis);
        requestContext.put("com.sun.xml.ws.request.timeout", timeoutMillis);

        String messageId = args[4];
        List<String> steps = new ArrayList<>();
        steps.add(step(proxy, "submit", messageId, 2));
        steps.add(step(proxy, "repeat", messageId, 2));
        steps.add(step(proxy, "conflict", messageId, 3));

        StringBuilder json = new StringBuilder();
        json.append("{\n  \"javaVersion\": ").append(quote(System.getProperty("java.version")));
        json.append(",\n  \"port\": ").append(quote(port));
        json.append(",\n  \"address\": ").append(quote(String.valueOf(requestContext.get(BindingProvider.ENDPOINT_ADDRESS_PROPERTY))));
        json.append(",\n  \"envelopeNamespaces\": ").append(array(tokenHandler.envelopeNamespaces));
        json.append(",\n  \"steps\": [\n    ").append(String.join(",\n    ", steps)).append("\n  ]\n}\n");
        System.out.print(json);
        System.out.flush();
    }

    private static String step(ErpBridgeServicePortType proxy, String name, String messageId, int itemCount) throws Exception {
        SubmitInventory.Items items = new SubmitInventory.Items();
        for (int i = 1; i <= itemCount; i++) {
            InventoryItem item = new InventoryItem();
            item.setSku("MAT-100" + i);
            item.setLocation("WH01");
            item.setQuantity(i * 10);
            items.getItem().add(item);
        }
        XMLGregorianCalendar sentAt = DatatypeFactory.newInstance().newXMLGregorianCalendar("2026-11-26T10:00:00Z");
        try {
            Receipt receipt = proxy.submitInventory(messageId, sentAt, "SAP-ECC", items);
            List<String> channels = receipt.getChannels() == null ? Collections.emptyList() : receipt.getChannels().getChannel();
            return "{\"step\": " + quote(name) + ", \"receipt\": {"
                + "\"MessageId\": " + quote(receipt.getMessageId())
                + ", \"Status\": " + quote(receipt.getStatus() == null ? null : receipt.getStatus().value())
                + ", \"ReceivedAt\": " + quote(receipt.getReceivedAt() == null ? null : receipt.getReceivedAt().toXMLFormat())
                + ", \"Channels\": " + array(channels) + "}}";
        } catch (ErpBridgeFault_Exception e) {
            ErpBridgeFault info = e.getFaultInfo();
            return "{\"step\": " + quote(name) + ", \"fault\": {\"typed\": true"
                + ", \"exception\": " + quote(e.getClass().getName())
                + ", \"faultCode\": null"
                + ", \"faultString\": " + quote(e.getMessage())
                + ", \"detail\": " + (info == null ? "null" : "{"
                    + "\"Code\": " + quote(info.getCode())
                    + ", \"Reason\": " + quote(info.getReason())
                    + ", \"CorrelationId\": " + quote(info.getCorrelationId()) + "}")
                + "}}";
        } catch (SOAPFaultException e) {
            // A fault the generated code could not map to ErpBridgeFault_Exception: reported, never hidden.
            return "{\"step\": " + quote(name) + ", \"fault\": {\"typed\": false"
                + ", \"exception\": " + quote(e.getClass().getName())
                + ", \"faultString\": " + quote(e.getFault().getFaultString())
                + ", \"faultCode\": " + quote(e.getFault().getFaultCode())
                + ", \"detail\": null}}";
        }
    }

    private static String array(List<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String value : values) {
            quoted.add(quote(value));
        }
        return "[" + String.join(", ", quoted) + "]";
    }

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder text = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"': text.append("\\\""); break;
                case '\\': text.append("\\\\"); break;
                case '\n': text.append("\\n"); break;
                case '\r': text.append("\\r"); break;
                case '\t': text.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
            }
        }
        return text.append('"').toString();
    }
}
