from claims.records.Claim.claim import Claim, Visit
