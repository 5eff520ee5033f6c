"""Reads the change feed with zeep, a SOAP client nobody on this project wrote.

Usage: zeep_change_feed.py <wsdl-url> <ca-file> <user> <password> <fraSekvens> <maksAntal>
Prints one JSON object: {"operations": [the ExportService operations the WSDL offers],
"feed": GetAendringer's answer as zeep read it, or null when the WSDL does not offer it}.
"""
import json
import sys

import requests
from zeep import Client, Settings
from zeep.helpers import serialize_object
from zeep.transports import Transport


def main():
    wsdl, ca_file, user, password, fra, maks = sys.argv[1:7]
    session = requests.Session()
    session.auth = (user, password)
    session.verify = ca_file
    # requests lets REQUESTS_CA_BUNDLE from the environment override session.verify.
    session.trust_env = False
    client = Client(wsdl, transport=Transport(session=session), settings=Settings(strict=True))
    operations = sorted(
        name
        for service in client.wsdl.services.values()
        for port in service.ports.values()
        for name in port.binding._operations
    )
    feed = None
    if "GetAendringer" in operations:
        feed = serialize_object(client.service.GetAendringer(fraSekvens=int(fra), maksAntal=int(maks)))
    print(json.dumps({"operations": operations, "feed": feed}, default=str, ensure_ascii=False))


main()
