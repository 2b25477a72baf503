#include "quality/report_impl.h"
DcatitStatus dcatit_qr_html(const DcatitQualityReportInput *in, DcatitBuf *out)
{
	(void)in; (void)out;
	return DCATIT_ERR_UNSUPPORTED;
}
