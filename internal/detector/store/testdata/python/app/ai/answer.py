# An index built in memory for one answer, never persisted: no store.
from llama_index.core import VectorStoreIndex


def answer(docs, question):
    index = VectorStoreIndex.from_documents(docs)
    return index.as_query_engine().query(question)
