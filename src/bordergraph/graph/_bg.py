"""The bg: terms as Python constants.

Generated from bordergraph.ttl by bordergraph.graph.vocab.render_namespace: do not
edit; after changing the ontology run `python -m bordergraph.graph.vocab`.
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class BG(DefinedNamespace):
    """bordergraph ontology

    Terms for a knowledge graph of U.S.–Mexico border governance built from press releases:
    who met whom, in which capacity, in which standing dialogue, under which presidential
    administrations, about which ports of entry, with what outcome, and the sentence that
    states each fact.
    """

    _fail = True
    _NS = Namespace("https://w3id.org/bordergraph/ontology#")

    # classes
    ActionPlan: URIRef  # Action plan
    Administration: URIRef  # Administration
    Agency: URIRef  # Agency
    Agreement: URIRef  # Agreement
    AnnouncedEvent: URIRef  # Announced event
    BilateralMeeting: URIRef  # Bilateral meeting
    BinationalBody: URIRef  # Binational body
    Commitment: URIRef  # Commitment
    Committee: URIRef  # Committee
    Country: URIRef  # Country
    Declaration: URIRef  # Declaration
    Delegation: URIRef  # Delegation
    Dialogue: URIRef  # Dialogue
    DialogueSession: URIRef  # Dialogue session
    Event: URIRef  # Event
    Framework: URIRef  # Framework
    Government: URIRef  # Government
    InfrastructureProject: URIRef  # Infrastructure project
    Initiative: URIRef  # Initiative
    Mechanism: URIRef  # Bilateral mechanism
    Meeting: URIRef  # Meeting
    Mode: URIRef  # Mode
    Official: URIRef  # Official
    Opening: URIRef  # Opening
    Organization: URIRef  # Organization
    Outcome: URIRef  # Outcome
    Participation: URIRef  # Participation
    Person: URIRef  # Person
    PortOfEntry: URIRef  # Port of entry
    Post: URIRef  # Post
    PostHolding: URIRef  # Post holding
    Process: URIRef  # Process
    Quotation: URIRef  # Quotation
    Release: URIRef  # Release
    Role: URIRef  # Role
    Signing: URIRef  # Signing
    Strategy: URIRef  # Strategy
    Summit: URIRef  # Summit
    SummitSeries: URIRef  # Summit series
    Visit: URIRef  # Visit
    WorkingGroup: URIRef  # Working group

    # object properties
    adopted: URIRef  # adopted
    approved: URIRef  # approved
    buildsOn: URIRef  # builds on
    completed: URIRef  # completed
    concernsPort: URIRef  # concerns port
    counterpart: URIRef  # counterpart
    country: URIRef  # country
    delegationAt: URIRef  # delegation at
    duringAdministration: URIRef  # during administration
    event: URIRef  # event
    evidence: URIRef  # evidence
    hasOutcome: URIRef  # has outcome
    headedBy: URIRef  # headed by
    holder: URIRef  # holder
    inPost: URIRef  # in post
    launched: URIRef  # launched
    mentions: URIRef  # mentions
    mode: URIRef  # mode
    onBehalfOf: URIRef  # on behalf of
    organization: URIRef  # organization
    participant: URIRef  # participant
    partOf: URIRef  # part of
    post: URIRef  # post
    president: URIRef  # president
    quotedFrom: URIRef  # quoted from
    reviewed: URIRef  # reviewed
    role: URIRef  # role
    series: URIRef  # series
    signed: URIRef  # signed

    # datatype properties
    acronym: URIRef  # acronym
    charEnd: URIRef  # end offset
    charStart: URIRef  # start offset
    curated: URIRef  # curated
    endDate: URIRef  # end date
    established: URIRef  # established
    fileName: URIRef  # file name
    locationName: URIRef  # location name
    mxState: URIRef  # Mexican state
    observedOn: URIRef  # observed on
    office: URIRef  # issuing office
    ordinal: URIRef  # ordinal
    publisherName: URIRef  # publisher name as written
    quote: URIRef  # quote
    sha256: URIRef  # SHA-256 digest
    sourcePath: URIRef  # source path
    startDate: URIRef  # start date
    statedMXAdministrations: URIRef  # stated Mexican administrations
    statedUSAdministrations: URIRef  # stated U.S. administrations
    usState: URIRef  # U.S. state

    # named individuals
    Chair: URIRef  # Chair
    CoHost: URIRef  # Co-host
    DelegationHead: URIRef  # Delegation head
    Host: URIRef  # Host
    Hybrid: URIRef  # Hybrid
    InPerson: URIRef  # In person
    Modes: URIRef  # Event modes
    Participant: URIRef  # Participant
    Roles: URIRef  # Event roles
    Signatory: URIRef  # Signatory
    Speaker: URIRef  # Speaker
    Virtual: URIRef  # Virtual
