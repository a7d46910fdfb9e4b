from flask import Flask
from flask_restx import Api, Namespace, Resource

reports = Namespace("reports", description="Monthly reports")


@reports.route("/<int:report_id>")  # want: GET /v2/reports/{report_id}
class Report(Resource):
    def get(self, report_id):
        return {"id": report_id}


app2 = Flask(__name__)
v2 = Api(app2, prefix="/v2")
v2.add_namespace(reports)

# v2.add_resource(Report, "/old-reports")
