"""Embedding models fetched from the Hugging Face Hub by name."""
from sentence_transformers import SentenceTransformer
from llama_index.embeddings.huggingface import HuggingFaceEmbedding

model = SentenceTransformer("all-MiniLM-L6-v2")
embed = HuggingFaceEmbedding(model_name="BAAI/bge-small-en-v1.5")
