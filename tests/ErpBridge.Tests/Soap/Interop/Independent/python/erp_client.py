"""ErpBridge client generated at run time by zeep from the WSDL the bridge serves.

Talks to the bridge the way a Python integration would: the service proxy of one WSDL port,
a WS-Security UsernameToken (PasswordText), typed request objects built from the served schema,
and faults caught as zeep.exceptions.Fault with the ErpBridgeFault detail parsed by its schema type.

Steps, each reported as a receipt or a fault:
  submit    a new inventory message (two items)
  repeat    the same message again (same content)
  conflict  the same MessageId with different content (three items)

Prints one JSON object on stdout. Exit code 0 when every step ended in a receipt or an ErpBridge fault;
1 on anything else (the traceback goes to stderr).

Usage: erp_client.py WSDL_URL --port ErpBridgeServiceSoap11|ErpBridgeServiceSoap12
                     --user USER --password PASSWORD --message-id ID [--timeout SECONDS]
"""

import argparse
import datetime
import json
import sys

from lxml import etree
import zeep
import zeep.exceptions
import zeep.helpers
import zeep.transports
import zeep.wsse.username

COMMON_NS = "urn:erpbridge:common:v1"
INVENTORY_NS = "urn:erpbridge:inventory:v1"
SERVICE_NAME = "ErpBridgeService"


class EnvelopeRecorder(zeep.Plugin):
    """Keeps the envelope namespace and HTTP headers of each request, to show which SOAP version was spoken."""

    def __init__(self):
        self.sent = []

    def egress(self, envelope, http_headers, operation, binding_options):
        self.sent.append(
            {
                "operation": operation.name,
                "envelopeNamespace": etree.QName(envelope).namespace,
                "contentType": http_headers.get("Content-Type"),
                "soapAction": http_headers.get("SOAPAction"),
            }
        )
        return envelope, http_headers


def build_inventory(client, message_id, item_count):
    """A SubmitInventory request as typed objects of the served schema."""
    item_type = client.get_type("{%s}InventoryItem" % INVENTORY_NS)
    request_element = client.get_element("{%s}SubmitInventory" % INVENTORY_NS)
    items_element = next(element for name, element in request_element.type.elements if name == "Items")
    items = items_element.type(
        Item=[item_type(Sku="MAT-100%d" % i, Location="WH01", Quantity=i * 10) for i in range(1, item_count + 1)]
    )
    return {
        "MessageId": message_id,
        "SentAt": datetime.datetime(2026, 11, 26, 10, 0, 0, tzinfo=datetime.timezone.utc),
        "SourceSystem": "SAP-ECC",
        "Items": items,
    }


def parse_fault(client, fault):
    """The ErpBridgeFault detail of a zeep Fault, parsed with the schema element the WSDL declares.

    typed is true only when the detail holds c:ErpBridgeFault and it parses as that element.
    """
    result = {
        "typed": False,
        "exception": "%s.%s" % (type(fault).__module__, type(fault).__name__),
        "faultCode": fault.code,
        "faultString": fault.message,
        "detail": None,
    }
    detail = fault.detail
    if detail is not None and not isinstance(detail, str):
        node = detail.find("{%s}ErpBridgeFault" % COMMON_NS)
        if node is not None:
            fault_element = client.get_element("{%s}ErpBridgeFault" % COMMON_NS)
            typed = fault_element.parse(node, client.wsdl.types)
            result["typed"] = True
            result["detail"] = {
                "Code": typed.Code,
                "Reason": typed.Reason,
                "CorrelationId": typed.CorrelationId,
            }
    return result


def to_json_value(value):
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    raise TypeError("not JSON serializable: %r" % (value,))


def run_step(client, service, name, message_id, item_count):
    request = build_inventory(client, message_id, item_count)
    try:
        receipt = service.SubmitInventory(**request)
    except zeep.exceptions.Fault as fault:
        return {"step": name, "fault": parse_fault(client, fault)}
    plain = zeep.helpers.serialize_object(receipt, target_cls=dict)
    channels = plain.get("Channels") or {}
    return {
        "step": name,
        "receipt": {
            "MessageId": plain.get("MessageId"),
            "Status": plain.get("Status"),
            "ReceivedAt": plain.get("ReceivedAt"),
            "Channels": list(channels.get("Channel") or []),
        },
    }


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("wsdl")
    parser.add_argument("--port", default="ErpBridgeServiceSoap11")
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--message-id", required=True)
    parser.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args(argv)

    recorder = EnvelopeRecorder()
    transport = zeep.transports.Transport(timeout=args.timeout, operation_timeout=args.timeout)
    client = zeep.Client(
        args.wsdl,
        transport=transport,
        wsse=zeep.wsse.username.UsernameToken(args.user, args.password),
        plugins=[recorder],
    )
    # The generated proxy of the chosen port; its address is the one the served WSDL names.
    service = client.bind(SERVICE_NAME, args.port)

    steps = [
        run_step(client, service, "submit", args.message_id, 2),
        run_step(client, service, "repeat", args.message_id, 2),
        run_step(client, service, "conflict", args.message_id, 3),
    ]
    output = {
        "zeepVersion": zeep.__version__,
        "port": args.port,
        "address": service._binding_options.get("address"),
        "envelopeNamespaces": [sent["envelopeNamespace"] for sent in recorder.sent],
        "sent": recorder.sent,
        "steps": steps,
    }
    json.dump(output, sys.stdout, default=to_json_value, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
