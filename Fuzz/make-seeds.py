#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target into Fuzz/Corpus/<target>/.

The seeds are committed; this script says how they were made (all by hand, no real data) and
rewrites them when a seed is added here. It never touches Fuzz/Corpus/regressions/.

    python3 Fuzz/make-seeds.py
"""
import gzip
import os
import struct
import zlib

CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Corpus")

# MARK: Flow-log text

V2_HEADER = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status"
V2_RECORDS = [
    "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK",
    "2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 1418530010 1418530070 REJECT OK",
    "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA",
    "2 123456789010 eni-11111111aaaaaaaaa - - - - - - - 1431280876 1431280934 - SKIPDATA",
    "2 123456789010 eni-1235b8ca123456789 203.0.113.12 172.31.16.139 0 0 1 4 336 1432917027 1432917142 ACCEPT OK",
    "2 123456789010 eni-0a1b2c3d 10.0.1.5 52.216.8.1 40000 443 6 10 5000 1764000000 1764000060 ACCEPT OK",
    "2 123456789010 eni-0a1b2c3d 52.216.8.1 10.0.1.5 443 40000 6 20 900000 1764000000 1764000060 ACCEPT OK",
]

NAT_HEADER = ("version interface-id instance-id srcaddr dstaddr srcport dstport protocol packets bytes start end "
              "action log-status pkt-srcaddr pkt-dstaddr flow-direction traffic-path region")


def nat_legs(peer, upload, download, start=1764000000, eni="eni-nat1", instance="10.0.1.5", nat="10.0.0.220",
             port=443, region="us-east-1"):
    """The four legs of one connection through a NAT gateway, on the gateway's interface."""
    end = start + 60
    return [
        f"5 {eni} - {instance} {nat} 40000 {port} 6 10 {upload} {start} {end} ACCEPT OK {instance} {peer} ingress - {region}",
        f"5 {eni} - {nat} {peer} 50000 {port} 6 10 {upload} {start} {end} ACCEPT OK {nat} {peer} egress 8 {region}",
        f"5 {eni} - {peer} {nat} {port} 50000 6 20 {download} {start} {end} ACCEPT OK {peer} {nat} ingress - {region}",
        f"5 {eni} - {nat} {instance} {port} 40000 6 20 {download} {start} {end} ACCEPT OK {peer} {instance} egress 1 {region}",
    ]


def lines(*rows):
    return ("\n".join(rows) + "\n").encode()


RECORDS = {
    "v2-header": lines(V2_HEADER, *V2_RECORDS),
    "v2-no-header": lines(*V2_RECORDS),
    "v2-crlf-no-final-newline": ("\r\n".join([V2_HEADER] + V2_RECORDS[:3])).encode(),
    "v2-blank-lines": lines("", V2_HEADER, "   ", V2_RECORDS[0], "\t", "", V2_RECORDS[5]),
    "nat-gateway-legs": lines(NAT_HEADER, *nat_legs("52.216.8.1", 5000, 900000),
                              *nat_legs("198.51.100.7", 700, 1200, port=80),
                              *nat_legs("2600:1f18::5", 10, 20)),
    "nat-instance-view": lines(
        "version interface-id instance-id subnet-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status pkt-srcaddr pkt-dstaddr flow-direction traffic-path",
        "5 eni-inst1 i-0123 subnet-1 10.0.1.5 52.216.8.1 40000 443 6 10 5000 1764000000 1764000060 ACCEPT OK 10.0.1.5 52.216.8.1 egress 1",
        "5 eni-inst1 i-0123 subnet-1 52.216.8.1 10.0.1.5 443 40000 6 20 90000 1764000000 1764000060 ACCEPT OK 52.216.8.1 10.0.1.5 ingress -",
        "5 eni-inst1 i-0123 subnet-1 10.0.1.5 44.200.1.1 40001 21 6 3 300 1764000000 1764003600 ACCEPT OK 10.0.1.5 44.200.1.1 egress 1",
        "5 eni-inst1 i-0123 subnet-1 198.51.100.9 10.0.1.5 51515 22 6 1 60 1764000000 1764000060 REJECT OK 198.51.100.9 10.0.1.5 ingress -",
        "5 eni-inst1 i-0123 subnet-1 10.0.1.5 10.0.2.7 40002 5432 6 5 700 1764000000 1764000060 ACCEPT OK 10.0.1.5 10.0.2.7 egress -"),
    "v3-tcp-flags": lines(
        "version vpc-id subnet-id instance-id interface-id account-id type srcaddr dstaddr srcport dstport pkt-srcaddr pkt-dstaddr protocol bytes packets start end action tcp-flags log-status",
        "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 52.213.180.42 10.0.0.62 43416 5001 52.213.180.42 10.0.0.62 6 568 8 1566848875 1566848933 ACCEPT 2 OK",
        "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 10.0.0.62 52.213.180.42 5001 43416 10.0.0.62 52.213.180.42 6 376 7 1566848875 1566848933 ACCEPT 18 OK"),
    "v5-aws-service": lines(
        "version srcaddr dstaddr srcport dstport protocol bytes packets start end action log-status pkt-src-aws-service pkt-dst-aws-service flow-direction traffic-path interface-id region az-id",
        "5 10.0.0.220 52.216.8.1 50000 443 6 5000 10 1764000000 1764000060 ACCEPT OK - S3 egress 8 eni-nat1 us-east-1 use1-az1",
        "5 52.216.8.1 10.0.0.220 443 50000 6 90000 20 1764000000 1764000060 ACCEPT OK S3 - ingress - eni-nat1 us-east-1 use1-az1",
        "5 10.0.0.220 52.94.0.9 50001 443 6 5000 10 1764000000 1764000060 ACCEPT OK - AMAZON egress 8 eni-nat1 us-east-1 use1-az1",
        "5 10.0.0.220 3.5.0.77 50002 443 6 4000 10 1764000000 1764000060 ACCEPT OK - EC2 egress 8 eni-nat1 eu-west-1 euw1-az2"),
    "v7-ecs": lines(
        "version interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status ecs-cluster-name ecs-service-name ecs-task-id ecs-task-arn ecs-container-id",
        "7 eni-task1 10.0.3.4 52.216.8.1 40000 443 6 10 5000 1764000000 1764000060 ACCEPT OK prod web 0123456789abcdef arn:aws:ecs:us-east-1:123456789010:task/prod/0123456789abcdef c1",
        "7 eni-task1 52.216.8.1 10.0.3.4 443 40000 6 10 50000 1764000000 1764000060 ACCEPT OK prod web 0123456789abcdef arn:aws:ecs:us-east-1:123456789010:task/prod/0123456789abcdef -"),
    "v8-reject-reason": lines(
        "version interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status reject-reason",
        "8 eni-1 198.51.100.1 10.0.0.5 4444 23 6 1 40 1764000000 1764000060 REJECT OK BPA",
        "8 eni-1 10.0.0.5 198.51.100.1 23 4444 6 1 40 1764000000 1764000060 ACCEPT OK -"),
    "ipv6": lines(
        V2_HEADER,
        "2 123456789010 eni-6 2001:db8::10 2600:1f18::5 40000 443 6 10 5000 1764000000 1764000060 ACCEPT OK",
        "2 123456789010 eni-6 2600:1fa0:8000::1 2001:db8::10 443 40000 6 10 9000 1764000000 1764000060 ACCEPT OK",
        "2 123456789010 eni-6 fe80::1 ff02::1 0 0 58 1 72 1764000000 1764000060 ACCEPT OK",
        "2 123456789010 eni-6 ::ffff:10.0.0.5 ::ffff:52.216.8.1 40000 443 6 1 72 1764000000 1764000060 ACCEPT OK",
        "2 123456789010 eni-6 fd00::5 2001:db8:1:2:3:4:5:6 40000 443 6 1 72 1764000000 1764000060 REJECT OK"),
    "cloudwatch-iso-timestamps": lines(
        "2025-11-24T16:00:05.000Z " + V2_RECORDS[5],
        "2025-11-24T16:00:06.000Z " + V2_RECORDS[6],
        "2025-11-24T16:00:07.000Z " + V2_RECORDS[2]),
    "cloudwatch-csv": lines(
        "timestamp,message",
        '1764000005000,"' + V2_RECORDS[5] + '"',
        '1764000006,"' + V2_RECORDS[6] + '"',
        "1764000007000," + V2_RECORDS[3]),
    "cloudwatch-json": lines(
        '{"timestamp":1764000005000,"message":"' + V2_RECORDS[5] + '","ingestionTime":1764000009000}',
        '{"message": "' + V2_RECORDS[6] + '"}',
        '{"other":"x"}'),
    "transit-gateway": lines(
        "version resource-type account-id tgw-id tgw-attachment-id tgw-src-vpc-account-id tgw-dst-vpc-account-id tgw-src-vpc-id tgw-dst-vpc-id tgw-src-subnet-id tgw-dst-subnet-id tgw-src-eni tgw-dst-eni tgw-src-az-id tgw-dst-az-id tgw-pair-attachment-id srcaddr dstaddr srcport dstport protocol packets bytes start end log-status type packets-lost-no-route packets-lost-blackhole packets-lost-mtu-exceeded packets-lost-ttl-expired tcp-flags region flow-direction pkt-src-aws-service pkt-dst-aws-service",
        "6 TransitGateway 123456789010 tgw-0123 tgw-attach-1 123456789010 123456789011 vpc-1 vpc-2 subnet-1 subnet-2 eni-1 eni-2 use1-az1 use1-az2 tgw-attach-2 10.0.0.1 10.1.0.1 40000 443 6 10 5000 1764000000 1764000060 OK IPv4 0 0 0 0 2 us-east-1 egress - -"),
    "transit-gateway-no-header": lines(
        "6 TransitGateway 123456789010 tgw-0123 tgw-attach-1 123456789010 123456789011 vpc-1 vpc-2 subnet-1 subnet-2 eni-1 eni-2 use1-az1 use1-az2 tgw-attach-2 10.0.0.1 10.1.0.1 40000 443 6 10 5000 1764000000 1764000060 OK IPv4 0 0 0 0 2 us-east-1 egress - -",
        V2_RECORDS[0]),
    "header-changes": lines(
        V2_HEADER, V2_RECORDS[0],
        "version srcaddr dstaddr bytes packets start end action log-status custom-field",
        "2 10.0.1.5 52.216.8.1 5000 10 1764000000 1764000060 ACCEPT OK anything",
        "2 10.0.1.5 52.216.8.1 5000 10 1764000000 1764000060 ACCEPT OK anything trailing comment",
        "srcaddr srcaddr dstaddr bytes",
        "10.0.1.5 10.0.1.6 52.216.8.1 77"),
    "malformed": lines(
        V2_HEADER,
        "2 123456789010 eni-1 10.0.1.5 52.216.8.1 40000 443 6 10 5000 1764000000",
        "2 123456789010 eni-1 10.0.1.5 52.216.8.1 40000 99999 6 10 5000 1764000000 1764000060 ACCEPT OK",
        "2 123456789010 eni-1 10.0.1.5 52.216.8.1 40000 443 6 10 18446744073709551616 1764000000 1764000060 ACCEPT OK",
        "2 123456789010 eni-1 10.0.1.5 52.216.8.1 40000 443 6 10 5000 1764000000 1764000060 ALLOW OK",
        "2 123456789010 eni-1 10.0.1.5 52.216.8.300 40000 443 6 10 5000 1764000000 1764000060 ACCEPT OK",
        "2 123456789010 eni-1 10.0.1.5 52.216.8.1 40000 443 6 10 5000 1764000000 1764000060 ACCEPT OK\x1b[31m",
        "2 123456789010 eni-1\x00 10.0.1.5 52.216.8.1 40000 443 6 10 5000 1764000000 1764000060 ACCEPT OK",
        "2 123456789010 eni-1 10.0.1.5 52.216.8.1 +40 443 6 10 5000 1764000000 1764000060 ACCEPT OK",
        "${version} ${srcaddr}",
        "x" * 1100),
    "default-format-extra-values": lines(*(r + " extra" for r in V2_RECORDS[:2])),
    "many-peers": lines(V2_HEADER, *(
        f"2 123456789010 eni-0a1b2c3d 10.0.{i % 3}.{5 + i} {198 + i % 5}.51.{100 + i}.{i * 7 % 250} {40000 + i} {[443, 80, 21, 6379, 8080][i % 5]} 6 {i + 1} {1000 * (i + 1)} {1764000000 + i} {1764000060 + i} ACCEPT OK"
        for i in range(12))),
    "east-west-and-special": lines(
        V2_HEADER,
        "2 123456789010 eni-1 10.0.1.5 10.0.2.6 40000 5432 6 10 5000 1764000000 1764000060 ACCEPT OK",
        "2 123456789010 eni-1 100.64.0.5 192.0.2.10 40000 5432 6 10 5000 1764000000 1764000060 ACCEPT OK",
        "2 123456789010 eni-1 127.0.0.1 224.0.0.5 0 0 89 10 5000 1764000000 1764000060 ACCEPT OK",
        "2 123456789010 eni-1 169.254.169.254 10.0.1.5 80 40000 6 10 5000 1764000000 1764000060 ACCEPT OK",
        "2 123456789010 eni-1 52.216.8.1 198.51.100.7 443 40000 6 10 5000 1764000000 1764000060 ACCEPT OK",
        "2 123456789010 eni-1 10.0.1.5 52.216.8.1 40000 443 6 10 5000 0 18446744073709551615 ACCEPT OK"),
    "several-regions": lines(
        "version srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status region",
        "2 10.0.1.5 52.216.8.1 40000 443 6 10 5000 1764000000 1764000060 ACCEPT OK us-east-1",
        "2 10.0.1.5 52.218.8.1 40000 443 6 10 5000 1764000000 1764000060 ACCEPT OK eu-west-1",
        "2 10.0.1.5 52.218.8.1 40000 443 6 10 5000 1764000000 1764000060 ACCEPT OK -"),
    "empty": b"",
    "only-newline": b"\n",
    "carriage-return-only": b"\r",
}

# MARK: gzip


def member(data, level=6, name=None, comment=None, extra=None, header_crc=False, mtime=0):
    """One gzip member with the optional header fields, written by hand."""
    flags = (0x02 if header_crc else 0) | (0x04 if extra is not None else 0) | \
        (0x08 if name is not None else 0) | (0x10 if comment is not None else 0)
    header = b"\x1f\x8b\x08" + bytes([flags]) + struct.pack("<I", mtime) + b"\x00\x03"
    if extra is not None:
        header += struct.pack("<H", len(extra)) + extra
    if name is not None:
        header += name + b"\x00"
    if comment is not None:
        header += comment + b"\x00"
    if header_crc:
        header += struct.pack("<H", zlib.crc32(header) & 0xFFFF)
    deflate = zlib.compressobj(level, zlib.DEFLATED, -15)
    body = deflate.compress(data) + deflate.flush()
    return header + body + struct.pack("<II", zlib.crc32(data), len(data) & 0xFFFFFFFF)


TEXT = RECORDS["v2-header"]
one = member(TEXT)
GZIP = {
    "single-member": gzip.compress(TEXT, mtime=0),
    "multi-member-split-line": member(TEXT[:150]) + member(TEXT[150:]),
    "empty-first-member": member(b"") + member(TEXT),
    "empty-members-only": member(b"") + member(b""),
    "trailing-zeros": one + b"\x00" * 16,
    "header-fields": member(TEXT[:200], name=b"flows.log", comment=b"seed", extra=b"AB\x02\x00xy", header_crc=True),
    "stored-blocks": member(TEXT[:300], level=0),
    "fixed-huffman": member(b"2 1 eni-1 10.0.0.1 52.216.8.1 1 443 6 1 1 1 2 ACCEPT OK\n", level=1),
    "highly-compressible": member(b"\n" * 3000 + b"2 " * 500),
    "gzip-inside-gzip": member(one),
    "gzip-of-binary": member(bytes(range(256)) * 2),
    "truncated": one[: len(one) // 2],
    "bad-crc": one[:-8] + struct.pack("<I", (zlib.crc32(TEXT) ^ 1)) + one[-4:],
    "bad-length": one[:-4] + struct.pack("<I", len(TEXT) + 1),
    "trailing-garbage": one + b"garbage",
    "zeros-then-garbage": one + b"\x00\x00x",
    "lone-magic-after-member": one + b"\x1f\x8b",
    "header-only": one[:10],
    "plain-text": RECORDS["v2-no-header"][:200],
}

# MARK: ip-ranges.json


def entry(prefix, service, region="us-east-1", group=None, v6=False):
    key = "ipv6_prefix" if v6 else "ip_prefix"
    return f'{{"{key}": "{prefix}", "region": "{region}", "service": "{service}", "network_border_group": "{group or region}"}}'


def ranges(v4, v6=(), sync='"1764000000"', created='"2025-11-24-16-00-00"', extra=""):
    return ('{"syncToken": ' + sync + ', "createDate": ' + created + extra + ',\n "prefixes": [\n  '
            + ",\n  ".join(v4) + '\n ],\n "ipv6_prefixes": [\n  ' + ",\n  ".join(v6) + "\n ]\n}\n").encode()


PREFIXES = {
    "typical": ranges(
        [entry("3.5.0.0/19", "AMAZON"), entry("3.5.0.0/19", "S3"), entry("52.94.0.0/22", "DYNAMODB"),
         entry("52.216.0.0/15", "AMAZON"), entry("52.216.0.0/15", "S3"), entry("52.218.0.0/17", "S3", "eu-west-1"),
         entry("13.32.0.0/15", "CLOUDFRONT", "GLOBAL"), entry("15.230.39.0/24", "AMAZON", "us-west-2", "us-west-2-lax-1")],
        [entry("2600:1f18::/33", "EC2", v6=True), entry("2600:1fa0:8000::/39", "S3", v6=True),
         entry("2600:1f00::/24", "AMAZON", v6=True)]),
    "nested": ranges(
        [entry("10.0.0.0/8", "AMAZON"), entry("10.1.0.0/16", "EC2"), entry("10.1.2.0/24", "S3"),
         entry("10.1.2.128/25", "ROUTE53"), entry("10.1.2.255/32", "DYNAMODB"), entry("10.2.0.0/15", "EC2", "us-west-2")]),
    "whole-spaces": ranges(
        [entry("0.0.0.0/0", "AMAZON"), entry("255.255.255.255/32", "EC2"), entry("0.0.0.0/32", "S3")],
        [entry("::/0", "AMAZON", v6=True), entry("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128", "EC2", v6=True),
         entry("::/128", "S3", v6=True)]),
    "adjacent-blocks": ranges(
        [entry("52.216.0.0/16", "S3"), entry("52.217.0.0/16", "EC2"), entry("52.218.0.0/16", "S3", "eu-west-1"),
         entry("52.216.255.0/24", "AMAZON")]),
    "same-block-many-services": ranges(
        [entry("52.94.0.0/22", s) for s in ["AMAZON", "DYNAMODB", "EC2", "S3", "ROUTE53", "CLOUDFRONT", "GLOBALACCELERATOR"]]),
    "escapes-and-unknown-members": (
        b'{"createDate":"2025-11-24-16-00-00","future":{"a":[1,2.5e3,true,false,null,{"b":"c"}]},'
        b'"syncToken":"1764000000","prefixes":[{"ip_prefix":"52.216.0.0\\/15","region":"us-east-1",'
        b'"service":"\\u0053\\u0033","network_border_group":"us-east-1","extra":"\\ud83d\\ude00"}],"ipv6_prefixes":[]}'),
    "no-ipv6-member": b'{"syncToken":"1","createDate":"2025-11-24-16-00-00","prefixes":[{"ip_prefix":"3.5.0.0/19","region":"us-east-1","service":"S3","network_border_group":"us-east-1"}]}',
    "odd-create-date": ranges([entry("3.5.0.0/19", "S3")], created='"2025-02-30-25-61-61"'),
    "old-create-date": ranges([entry("3.5.0.0/19", "S3")], created='"1999-01-01-00-00-00"'),
    "bad-cidr": ranges([entry("3.5.0.1/19", "S3"), entry("3.5.0.0/33", "S3")]),
    "wrong-family": ranges([entry("2600:1f18::/33", "EC2")]),
    "missing-key": b'{"syncToken":"1","prefixes":[{"ip_prefix":"3.5.0.0/19","region":"us-east-1","service":"S3"}]}',
    "duplicate-key": b'{"syncToken":"1","syncToken":"2","createDate":"x","prefixes":[]}',
    "empty-prefixes": b'{"syncToken":"1","createDate":"2025-11-24-16-00-00","prefixes":[],"ipv6_prefixes":[]}',
    "truncated": ranges([entry("3.5.0.0/19", "S3")])[:90],
    "not-an-object": b'["prefixes"]',
}

# MARK: describe-nat-gateways and pricing


def nat_gateway(ident, addresses, state="available", connectivity="public", extra=""):
    return ('{"CreateTime": "2025-11-20T10:00:00+00:00", "NatGatewayAddresses": [' + ", ".join(addresses) + '], '
            f'"NatGatewayId": "{ident}", "State": "{state}", "SubnetId": "subnet-0a1b", "VpcId": "vpc-0a1b", '
            f'"ConnectivityType": "{connectivity}", "Tags": [{{"Key": "Name", "Value": "nat"}}]{extra}}}')


def address(eni, private, public=None, primary=True):
    fields = [f'"NetworkInterfaceId": "{eni}"', f'"PrivateIp": "{private}"', f'"IsPrimary": {str(primary).lower()}',
              '"AllocationId": "eipalloc-1"', '"Status": "succeeded"']
    if public:
        fields.append(f'"PublicIp": "{public}"')
    return "{" + ", ".join(fields) + "}"


def nat_file(*gateways):
    return ('{\n  "NatGateways": [\n    ' + ",\n    ".join(gateways) + "\n  ]\n}\n").encode()


COMPANIONS = {
    "nat-one": nat_file(nat_gateway("nat-0fuzz", [address("eni-nat1", "10.0.0.220", "198.51.100.1")])),
    "nat-two-secondary-addresses": nat_file(
        nat_gateway("nat-0aaa", [address("eni-nat1", "10.0.0.220", "198.51.100.1"),
                                 address("eni-nat1", "10.0.0.221", "198.51.100.2", primary=False)]),
        nat_gateway("nat-0bbb", [address("eni-nat2", "10.0.1.220", "198.51.100.3")], state="deleted")),
    "nat-private": nat_file(nat_gateway("nat-0ccc", [address("eni-nat3", "10.0.2.220")], connectivity="private")),
    "nat-only-interface": nat_file('{"NatGatewayAddresses": [{"NetworkInterfaceId": "eni-nat1"}]}'),
    "nat-ipv6-address": nat_file(nat_gateway("nat-0ddd", [address("eni-nat4", "fd00::220")])),
    "nat-empty-list": b'{"NatGateways": []}',
    "nat-bad-ip": nat_file(nat_gateway("nat-0eee", [address("eni-nat5", "10.0.0.300")])),
    "nat-missing-addresses": b'{"NatGateways": [{"NatGatewayId": "nat-0fff"}]}',
    "pricing-all": b'{"nat_gateway_hour": 0.048, "nat_gateway_gb": 0.048, "interface_endpoint_hour": 0.011,\n'
                   b' "interface_endpoint_gb": 0.01, "public_ipv4_hour": 0.005}\n',
    "pricing-some": b'{"nat_gateway_gb": 0.052}',
    "pricing-integers-and-exponents": b'{"nat_gateway_hour": 1, "nat_gateway_gb": 4.5e-2, "public_ipv4_hour": 0}',
    "pricing-unknown-key": b'{"nat_gateway_gb": 0.045, "data_transfer_gb": 0.09}',
    "pricing-negative": b'{"nat_gateway_gb": -1}',
    "pricing-boolean": b'{"nat_gateway_gb": true}',
    "pricing-huge": b'{"nat_gateway_gb": 1e308}',
    "not-json": b"NatGateways: []",
    "empty-object": b"{}",
    "fragment": b'"nat_gateway_gb"',
    "pricing-by-region": b'{"nat_gateway_gb": 0.05, "eu-west-1": {"interface_endpoint_hour": 0.011, "interface_endpoint_gb": 0.01}}',
    "offer-vpc": b'{"formatVersion":"v1.0","offerCode":"AmazonVPC","version":"20261101000000","publicationDate":"2026-11-01T00:00:00Z",\n "products":{"V1":{"sku":"V1","productFamily":"VpcEndpoint","attributes":{"regionCode":"eu-west-1","usagetype":"EU-VpcEndpoint-Hours"}},\n             "V2":{"sku":"V2","productFamily":"VpcEndpoint","attributes":{"regionCode":"eu-west-1","usagetype":"EU-VpcEndpoint-Bytes"}},\n             "V3":{"sku":"V3","attributes":{"regionCode":"eu-west-1","usagetype":"EU-PublicIPv4:InUseAddress"}}},\n "terms":{"OnDemand":{"V1":{"V1.T":{"priceDimensions":{"a":{"beginRange":"0","pricePerUnit":{"USD":"0.0110000000"}}}}},\n   "V2":{"V2.T":{"priceDimensions":{"t1":{"beginRange":"0","endRange":"1048576","pricePerUnit":{"USD":"0.0100000000"}},"t2":{"beginRange":"1048576","endRange":"5242880","pricePerUnit":{"USD":"0.0060000000"}}}}},\n   "V3":{"V3.T":{"priceDimensions":{"a":{"pricePerUnit":{"USD":"0.0050000000"}}}}}}}}\n',
}


def write(target, seeds):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    for name, data in seeds.items():
        with open(os.path.join(folder, name), "wb") as file:
            file.write(data)
    print(f"{target}: {len(seeds)} seeds")


write("records", RECORDS)
write("gzip", GZIP)
write("prefixes", PREFIXES)
write("companions", COMPANIONS)
