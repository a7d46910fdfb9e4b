puts "the product is Ruby; package.json only formats the code"
