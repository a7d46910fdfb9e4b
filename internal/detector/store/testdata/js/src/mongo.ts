import mongoose from "mongoose"; // want: store mongodb MongoDB (MONGODB_URI)

export const connect = () => mongoose.connect(process.env.MONGODB_URI!);
