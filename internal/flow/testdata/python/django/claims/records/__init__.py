from claims.records.claim import Claim, Visit
