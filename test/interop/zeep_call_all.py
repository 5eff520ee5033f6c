"""Calls every operation of a register service with zeep, a SOAP client nobody on this project wrote.

Usage: zeep_call_all.py <wsdl-url> <ca-file> <user> <password> <json-args>
<json-args> maps operation name -> keyword arguments; operations not named are called without any.
Every port is called: the SOAP 1.1 port's results are keyed by operation, the others' by
"<port>.<operation>" (the SOAP 1.2 port: "ExportServiceSoap12.HelloWorld").
Prints one JSON object: key -> {"ok": bool, "summary": str}.
"""
import json
import sys

import requests
from zeep import Client, Settings
from zeep.helpers import serialize_object
from zeep.transports import Transport


def main():
    wsdl, ca_file, user, password, raw_args = sys.argv[1:6]
    session = requests.Session()
    session.auth = (user, password)
    session.verify = ca_file
    # requests lets REQUESTS_CA_BUNDLE from the environment override session.verify.
    session.trust_env = False
    client = Client(wsdl, transport=Transport(session=session), settings=Settings(strict=True))
    args = json.loads(raw_args)
    results = {}
    for service_name, service in client.wsdl.services.items():
        for index, (port_name, port) in enumerate(service.ports.items()):
            bound = client.bind(service_name, port_name)
            for name in port.binding._operations:
                key = name if index == 0 else f"{port_name}.{name}"
                try:
                    answer = getattr(bound, name)(**args.get(name, {}))
                    results[key] = {"ok": True, "summary": json.dumps(serialize_object(answer), default=str, ensure_ascii=False)[:300]}
                except Exception as error:  # report every failure, keep going
                    results[key] = {"ok": False, "summary": f"{type(error).__name__}: {error}"[:300]}
    print(json.dumps(results, ensure_ascii=False))


main()
