// The IRIs the projection and the explorer give a meaning to, and the prefixes used to shorten IRIs
// for display when the data declares none.

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const OWL = 'http://www.w3.org/2002/07/owl#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const SCHEMA = 'http://schema.org/';
const SCHEMA_HTTPS = 'https://schema.org/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const DCTERMS = 'http://purl.org/dc/terms/';
const PROV = 'http://www.w3.org/ns/prov#';
const SH = 'http://www.w3.org/ns/shacl#';
const TS = 'https://w3id.org/triplescope/ontology#';

/** Terms of the W3C and common vocabularies the projection reads. */
export const iri = {
  type: `${RDF}type`,
  Statement: `${RDF}Statement`,
  subject: `${RDF}subject`,
  predicate: `${RDF}predicate`,
  object: `${RDF}object`,
  Property: `${RDF}Property`,
  label: `${RDFS}label`,
  comment: `${RDFS}comment`,
  Class: `${RDFS}Class`,
  Datatype: `${RDFS}Datatype`,
  subClassOf: `${RDFS}subClassOf`,
  subPropertyOf: `${RDFS}subPropertyOf`,
  domain: `${RDFS}domain`,
  range: `${RDFS}range`,
  isDefinedBy: `${RDFS}isDefinedBy`,
  owlClass: `${OWL}Class`,
  owlOntology: `${OWL}Ontology`,
  ObjectProperty: `${OWL}ObjectProperty`,
  DatatypeProperty: `${OWL}DatatypeProperty`,
  AnnotationProperty: `${OWL}AnnotationProperty`,
  FunctionalProperty: `${OWL}FunctionalProperty`,
  InverseFunctionalProperty: `${OWL}InverseFunctionalProperty`,
  TransitiveProperty: `${OWL}TransitiveProperty`,
  SymmetricProperty: `${OWL}SymmetricProperty`,
  Restriction: `${OWL}Restriction`,
  equivalentClass: `${OWL}equivalentClass`,
  equivalentProperty: `${OWL}equivalentProperty`,
  inverseOf: `${OWL}inverseOf`,
  gYear: `${XSD}gYear`,
  gYearMonth: `${XSD}gYearMonth`,
  date: `${XSD}date`,
  dateTime: `${XSD}dateTime`,
  prefLabel: `${SKOS}prefLabel`,
  altLabel: `${SKOS}altLabel`,
  schemaName: `${SCHEMA}name`,
  schemaNameHttps: `${SCHEMA_HTTPS}name`,
  schemaAlternateName: `${SCHEMA}alternateName`,
  schemaAlternateNameHttps: `${SCHEMA_HTTPS}alternateName`,
  foafName: `${FOAF}name`,
  foafNick: `${FOAF}nick`,
  dctermsTitle: `${DCTERMS}title`,
  dctermsSource: `${DCTERMS}source`,
  provWasDerivedFrom: `${PROV}wasDerivedFrom`,
  NodeShape: `${SH}NodeShape`,
  PropertyShape: `${SH}PropertyShape`,
  shTargetClass: `${SH}targetClass`,
  quote: `${TS}quote`,
} as const;

/** Label predicates in order of preference: an earlier one wins over a later one in the same language. */
export const LABEL_PREDICATES: readonly string[] = [
  iri.label,
  iri.prefLabel,
  iri.schemaName,
  iri.schemaNameHttps,
  iri.foafName,
  iri.dctermsTitle,
];

/** Predicates whose values are other names of the same thing (searchable, shown as "also known as"). */
export const ALT_LABEL_PREDICATES: readonly string[] = [
  iri.altLabel,
  iri.schemaAlternateName,
  iri.schemaAlternateNameHttps,
  iri.foafNick,
];

/** Predicates that name where a reified statement comes from. */
export const SOURCE_PREDICATES: readonly string[] = [iri.dctermsSource, iri.provWasDerivedFrom];

/** Types that make a subject a vocabulary term (class, property, shape, ontology header). */
export const VOCABULARY_TYPES: ReadonlySet<string> = new Set([
  iri.Class,
  iri.owlClass,
  iri.Datatype,
  iri.Property,
  iri.ObjectProperty,
  iri.DatatypeProperty,
  iri.AnnotationProperty,
  iri.FunctionalProperty,
  iri.InverseFunctionalProperty,
  iri.TransitiveProperty,
  iri.SymmetricProperty,
  iri.Restriction,
  iri.owlOntology,
  iri.NodeShape,
  iri.PropertyShape,
]);

/**
 * Predicates that only ever link vocabulary terms: their subject and object are vocabulary terms
 * even when no type says so (an external superclass, the class a shape targets).
 */
export const VOCABULARY_PREDICATES: ReadonlySet<string> = new Set([
  iri.subClassOf,
  iri.subPropertyOf,
  iri.domain,
  iri.range,
  iri.isDefinedBy,
  iri.equivalentClass,
  iri.equivalentProperty,
  iri.inverseOf,
  iri.shTargetClass,
]);

/** English names for the few well-known predicates a vocabulary seldom labels itself. */
export const BUILT_IN_LABELS: Readonly<Record<string, string>> = {
  [iri.type]: 'type',
  [iri.label]: 'label',
  [iri.comment]: 'description',
  [iri.prefLabel]: 'preferred name',
  [iri.altLabel]: 'also known as',
  [iri.schemaName]: 'name',
  [iri.schemaNameHttps]: 'name',
  [iri.schemaAlternateName]: 'also known as',
  [iri.schemaAlternateNameHttps]: 'also known as',
  [iri.foafName]: 'name',
  [iri.foafNick]: 'nickname',
  [iri.dctermsTitle]: 'title',
  [iri.dctermsSource]: 'source',
  [iri.provWasDerivedFrom]: 'derived from',
  [iri.subClassOf]: 'subclass of',
  [iri.subPropertyOf]: 'subproperty of',
  [iri.domain]: 'domain',
  [iri.range]: 'range',
  [iri.isDefinedBy]: 'defined by',
  [`${DCTERMS}creator`]: 'creator',
  [`${DCTERMS}date`]: 'date',
};

/** Prefixes used to shorten IRIs when the data itself declares none for them. */
export const DEFAULT_PREFIXES: Readonly<Record<string, string>> = {
  rdf: RDF,
  rdfs: RDFS,
  owl: OWL,
  xsd: XSD,
  skos: SKOS,
  schema: SCHEMA,
  foaf: FOAF,
  dcterms: DCTERMS,
  prov: PROV,
  sh: SH,
  ts: TS,
  rosmer: 'https://w3id.org/triplescope/rosmer/',
};
