"""An ERP's order intake written in Python: zeep builds the client at run time from the WSDL the bridge serves.

Steps:
  fetch        FetchOrders(MaxOrders) on the chosen port, the orders parsed by the served schema
  acknowledge  AcknowledgeOrders for every fetched order, with an ERP document number per order, plus one unknown id
  again        AcknowledgeOrders once more for the first order (must be harmless)
  refetch      FetchOrders again (nothing must be left)

Prints one JSON object on stdout. Exit code 0 when every call returned; 1 otherwise (the traceback goes to stderr).

Usage: order_client.py WSDL_URL --port ErpBridgeServiceSoap11|ErpBridgeServiceSoap12
                       --user USER --password PASSWORD [--max 50] [--timeout SECONDS]
"""

import argparse
import json
import sys

import zeep
import zeep.helpers
import zeep.transports
import zeep.wsse.username

SERVICE_NAME = "ErpBridgeService"


def fetch(service, maximum):
    response = service.FetchOrders(MaxOrders=maximum)
    # zeep unwraps the single-child Orders element: the result is the list of PendingOrder (None when empty).
    pending = response if isinstance(response, list) else getattr(response, "PendingOrder", None) or []
    orders = []
    for item in pending or []:
        order = item.Order
        orders.append(
            {
                "OrderId": item.OrderId,
                "Revision": item.Revision,
                "ChangeType": item.ChangeType,
                "OrderNumber": order.OrderNumber,
                "Channel": order.Channel,
                "Currency": order.Currency,
                "Total": str(order.Totals.Total),
                "Skus": [line.Sku for line in order.Lines.Line],
            }
        )
    return orders


def acknowledge(service, acks):
    response = service.AcknowledgeOrders(Acknowledgements={"Acknowledgement": acks})
    plain = zeep.helpers.serialize_object(response, target_cls=dict)
    results = plain if isinstance(plain, list) else (plain or {}).get("Result")
    return [{"OrderId": r["OrderId"], "Status": r["Status"]} for r in results or []]


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("wsdl")
    parser.add_argument("--port", default="ErpBridgeServiceSoap11")
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--max", type=int, default=50)
    parser.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args(argv)

    transport = zeep.transports.Transport(timeout=args.timeout, operation_timeout=args.timeout)
    client = zeep.Client(args.wsdl, transport=transport, wsse=zeep.wsse.username.UsernameToken(args.user, args.password))
    service = client.bind(SERVICE_NAME, args.port)

    fetched = fetch(service, args.max)
    acks = [{"OrderId": o["OrderId"], "ErpDocumentNumber": "45%08d" % (i + 1)} for i, o in enumerate(fetched)]
    acknowledged = acknowledge(service, acks + [{"OrderId": "no-such-channel:0", "ErpDocumentNumber": "4599999999"}])
    again = acknowledge(service, acks[:1]) if acks else []
    refetched = fetch(service, args.max)

    print(json.dumps({"zeepVersion": zeep.__version__, "port": args.port, "fetched": fetched, "acknowledged": acknowledged, "again": again, "refetched": refetched}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
