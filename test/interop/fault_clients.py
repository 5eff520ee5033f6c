"""Calls register operations that must fail with a SOAP fault, with zeep or suds, and prints what
each client makes of the fault: the text a program using that client would show or log.

Usage: fault_clients.py <zeep|suds> <wsdl-url> <ca-file> <user> <password> <json-cases>
<json-cases> is a list of {"operation": str, "args": {...}, "port": optional port name (zeep)}.
Prints one JSON list: {"operation", "raised": exception class, "message": fault text, "code": fault code}.
"""
import base64
import json
import ssl
import sys
import urllib.request


def with_zeep(wsdl, ca_file, user, password, cases):
    import requests
    from zeep import Client, Settings
    from zeep.exceptions import Fault
    from zeep.transports import Transport

    session = requests.Session()
    session.auth = (user, password)
    session.verify = ca_file
    session.trust_env = False
    client = Client(wsdl, transport=Transport(session=session), settings=Settings(strict=True))
    service_name = next(iter(client.wsdl.services))
    results = []
    for case in cases:
        port = case.get("port")
        service = client.bind(service_name, port) if port else client.service
        try:
            getattr(service, case["operation"])(**case.get("args", {}))
            results.append({"operation": case["operation"], "raised": None, "message": "", "code": ""})
        except Fault as fault:
            results.append({"operation": case["operation"], "raised": "Fault", "message": fault.message, "code": str(fault.code)})
        except Exception as error:  # anything but a Fault means the client lost the fault's text
            results.append({"operation": case["operation"], "raised": type(error).__name__, "message": str(error)[:300], "code": ""})
    return results


def with_suds(wsdl, ca_file, user, password, cases):
    from suds import WebFault
    from suds.client import Client
    from suds.transport.https import HttpAuthenticated

    class Transport(HttpAuthenticated):
        def u2handlers(self):
            handlers = super().u2handlers()
            handlers.append(urllib.request.HTTPSHandler(context=ssl.create_default_context(cafile=ca_file)))
            return handlers

    # Credentials on the first request: urllib otherwise waits for the 401, and the register, which
    # answers 401 before reading a body, has closed the connection while suds still sends a large one.
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    client = Client(wsdl, transport=Transport(username=user, password=password), cache=None, headers={"Authorization": f"Basic {token}"})
    results = []
    for case in cases:
        try:
            getattr(client.service, case["operation"])(**case.get("args", {}))
            results.append({"operation": case["operation"], "raised": None, "message": "", "code": ""})
        except WebFault as error:
            results.append({"operation": case["operation"], "raised": "WebFault", "message": str(error.fault.faultstring), "code": str(error.fault.faultcode)})
        except Exception as error:  # e.g. suds's bare (400, 'Bad Request'): the fault's text is lost
            results.append({"operation": case["operation"], "raised": type(error).__name__, "message": str(error)[:300], "code": ""})
    return results


def main():
    client, wsdl, ca_file, user, password, raw_cases = sys.argv[1:7]
    cases = json.loads(raw_cases)
    run = with_zeep if client == "zeep" else with_suds
    print(json.dumps(run(wsdl, ca_file, user, password, cases), ensure_ascii=False))


main()
