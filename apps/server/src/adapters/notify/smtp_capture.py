"""A handler for Debian's aiosmtpd that the notification e-mail tests start as a real SMTP server:

    /usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:<port> -c smtp_capture.Capture <out.jsonl>

(with this folder on PYTHONPATH). Each message accepted is parsed with Python's own e-mail package (an independent
decoder of what nodemailer encoded) and appended to <out.jsonl> as one JSON line: the envelope sender and recipients,
the raw Subject header, the decoded subject, the decoded text body and every header.
"""
import json
from email import message_from_bytes, policy


class Capture:
    def __init__(self, path):
        self.path = path

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("Capture needs the output file")
        return cls(args[0])

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        parsed = message_from_bytes(raw, policy=policy.default)
        body = parsed.get_body(preferencelist=("plain",))
        record = {
            "mailFrom": envelope.mail_from,
            "rcptTos": list(envelope.rcpt_tos),
            "rawSubject": raw.split(b"\r\n\r\n", 1)[0].decode("ascii", "replace"),
            "subject": str(parsed["subject"]),
            "text": body.get_content() if body is not None else None,
            "headers": {k.lower(): str(v) for k, v in parsed.items()},
        }
        with open(self.path, "a", encoding="utf-8") as out:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return "250 Message accepted for delivery"
