import mongoose, { Schema } from "mongoose";

const uploadSchema = new Schema({ // want: asset user-data FileUpload fileName,storagePath
  owner: { type: Schema.Types.ObjectId, ref: "User" },
  fileName: String,
  storagePath: { type: String, required: true },
  sizeBytes: Number,
  meta: { email: String },
});

export const FileUpload = mongoose.model("FileUpload", uploadSchema);

const auditSchema = new mongoose.Schema({ action: String, at: Date });
export const Audit = mongoose.model("Audit", auditSchema);
