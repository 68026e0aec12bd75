#!/usr/bin/env python3
"""Rebuild the registry files in this folder from bare git snapshots of their sources.

    python3 data/context/registries/build.py <hipo.git> <librarydata-db.git> <record-a-vaccination.git> <public_library_map.git>

Each source is read at the commit written in SOURCES (git --git-dir=<dir> show <commit>:<path>), cut to the
fields inference needs, and written sorted, so a rebuild from the same commits gives the same bytes.
"""
import csv, io, json, re, subprocess, sys

SOURCES = {
    'hipo': ('Hipo/university-domains-list', 'bb07faf064e1c68be9b26fb71de31f01e361f974', 'world_universities_and_domains.json'),
    'libraries': ('LibrariesHacked/librarydata-db', '9ab18536054a060821f95e5cf4ceefcfea18d0fb', 'data'),
    'nhs': ('NHSDigital/record-a-vaccination-prototype', 'e905297ae3af1d10bde8f8afaf2c163ce597c5c1', 'app/data/all-organisations.js'),
    'au': ('hughrun/public_library_map', '4889887e4b3ca7d0039256d60daa40f67df9327e', 'website/data'),
}

def show(git_dir, commit, path):
    return subprocess.run(['git', f'--git-dir={git_dir}', 'show', f'{commit}:{path}'], check=True, capture_output=True).stdout.decode('utf-8-sig')

def write(name, about, source, records):
    with open(f'{sys.path[0]}/{name}', 'w', encoding='utf-8') as f:
        json.dump({'about': about, 'source': source, **records}, f, ensure_ascii=False, separators=(',', ':'), sort_keys=False)
        f.write('\n')

def universities(git_dir):
    repo, commit, path = SOURCES['hipo']
    rows = json.loads(show(git_dir, commit, path))
    out = sorted({(r['name'].strip(), r['alpha_two_code'], tuple(sorted(set(d.lower() for d in r['domains'])))) for r in rows if r.get('alpha_two_code')})
    write('universities.json', 'Universities and colleges worldwide: name, ISO 3166-1 alpha-2 country, web domains. Cut from Hipo/university-domains-list (web_pages and state-province dropped).',
          {'repo': repo, 'commit': commit, 'path': path, 'licence': 'MIT (c) 2014-2025 Hipo'},
          {'universities': [[n, c, list(d)] for n, c, d in out]})

# An address line that is a street, a building or a unit rather than a town ("Town Square", "Civic Centre").
STREET = re.compile(r'\d|\b(?:road|rd|street|st|lane|avenue|ave|place|square|way|drive|close|crescent|centre|center|house|hall|building|buildings|court|terrace|walk|gardens|row|parade|precinct|mall|precincts|campus|school|college|library|unit|floor|road|broadway|green|market|arcade|quay|wharf|yard|mews|grove|rise|circus|parkway|estate|office|offices|hub|church|chapel|the)\b', re.I)

def towns_of(row, fields):
    # The town lines of a library's address: no digits, no street or building words, one to four words.
    for k in fields:
        t = re.sub(r'\s+', ' ', (row.get(k) or '').strip().strip(','))
        if t and not STREET.search(t) and 1 <= len(t.split()) <= 4 and len(t) <= 30: yield t

def libraries(git_dir):
    repo, commit, folder = SOURCES['libraries']
    names, authorities, domains, towns = set(), set(), set(), set()
    host = re.compile(r'(?:@|//)(?:www\.)?([a-z0-9.-]+\.[a-z]{2,})', re.I)
    for f, col, auth, address in [('libraries_england_2023.csv', 'name', 'authority', ('address2', 'address3')), ('libraries_scotland.csv', 'Library name', None, ('Address 2', 'Address 3')), ('libraries_wales.csv', 'Library name', None, ('Address 2', 'Address 3')), ('libraries_northern_ireland.csv', 'Library name', None, ('Address 2',))]:
        for r in csv.DictReader(io.StringIO(show(git_dir, commit, f'{folder}/{f}'))):
            n = (r.get(col) or '').strip()
            if n: names.add(n)
            if auth and r.get(auth): authorities.add(r[auth].strip())
            towns.update(towns_of(r, address))
            for k in ('email', 'Email address', 'URL'):
                for m in host.finditer(r.get(k) or ''):
                    d = m.group(1).lower()
                    if d.endswith('.uk') and ('gov' in d.split('.') or 'lib' in d or 'librar' in d): domains.add(d)
    # Every current UK council by its usual name (Scottish, Welsh and Northern Irish ones too: "Midlothian", "Dumfries and Galloway").
    for r in csv.DictReader(io.StringIO(show(git_dir, commit, f'{folder}/uk_local_authorities.csv'))):
        if r.get('current-authority') == 'True' and r.get('nice-name'): authorities.add(r['nice-name'].strip())
    write('uk-public-libraries.json', 'UK public libraries (England 2023, Scotland, Wales, Northern Ireland), UK library authorities and councils, and the towns of library addresses: names and the web domains of their addresses. Cut from LibrariesHacked/librarydata-db (street lines, postcodes, hours and statistics dropped).',
          {'repo': repo, 'commit': commit, 'path': f'{folder}/libraries_*.csv, {folder}/uk_local_authorities.csv', 'licence': 'MIT (c) 2020 Libraries Hacked; the underlying lists are public-sector information (Arts Council England, Scottish and Welsh Government, Libraries NI, the local authority register) under the Open Government Licence v3.0'},
          {'libraries': sorted(names), 'authorities': sorted(authorities), 'towns': sorted(towns - names), 'domains': sorted(domains)})

def nhs(git_dir):
    repo, commit, path = SOURCES['nhs']
    text = show(git_dir, commit, path)
    trusts = sorted(set(m.group(1) for m in re.finditer(r'name:\s*"([^"]+)",\s*type:\s*"NHS Trust"', text)))
    write('nhs-trusts.json', 'NHS trusts in England (names as the NHS Organisation Data Service gives them). Cut from NHSDigital/record-a-vaccination-prototype (codes, pharmacies and care homes dropped).',
          {'repo': repo, 'commit': commit, 'path': path, 'licence': 'MIT (c) 2019 NHS.UK; ODS data is under the Open Government Licence v3.0'},
          {'trusts': trusts})

def australia(git_dir):
    repo, commit, folder = SOURCES['au']
    services, towns, domains = set(), set(), set()
    for r in csv.DictReader(io.StringIO(show(git_dir, commit, f'{folder}/library_services_information.csv'))):
        if r.get('long_name'): services.add(r['long_name'].strip())
        m = re.match(r'https?://(?:www\.)?([^/]+)', r.get('website') or '')
        if m: domains.add(m.group(1).lower())
    for r in csv.DictReader(io.StringIO(show(git_dir, commit, f'{folder}/public_library_locations.csv'))):
        t = (r.get('town') or '').strip()
        if t: towns.add(t)
    write('au-public-libraries.json', 'Australian public library services (long names and web domains) and the towns and suburbs of their branches. Cut from hughrun/public_library_map (coordinates, addresses, phones, fines and systems dropped).',
          {'repo': repo, 'commit': commit, 'path': f'{folder}/library_services_information.csv, public_library_locations.csv', 'licence': 'CC BY-SA 4.0 (the repository licenses website/data under CC-BY-SA; Victorian locations from data.gov.au under CC BY 4.0). This cut is shared under the same licence.'},
          {'services': sorted(services), 'towns': sorted(towns), 'domains': sorted(domains)})

if __name__ == '__main__':
    hipo, libs, vacc, au = sys.argv[1:5]
    universities(hipo); libraries(libs); nhs(vacc); australia(au)
