/**
 * The pure domain: claims, evidence, buyers, repair orders, outlets, technicians, complaints, warranties, their
 * status machines, policies, typed errors and ports. It arrives with the claims service issue; the package exists
 * now so the import boundaries (no I/O in the cores) are enforced from the first commit.
 */
export const DOMAIN_PACKAGE = '@proofdesk/domain';
