ALTER TABLE "parcels" RENAME TO "shipments"; -- want: asset user-data shipments recipient_address
DROP TABLE IF EXISTS "drafts";
