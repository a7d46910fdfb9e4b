# A translation helper a developer runs by hand: its LLM calls are no
# product's.
import openai


def translate(text):
    return openai.chat.completions.create(model="m", messages=[{"role": "user", "content": text}])


if __name__ == "__main__":
    main()
